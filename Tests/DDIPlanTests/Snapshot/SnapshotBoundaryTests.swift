import DDIKit
import XCTest
@testable import DDIPlan

/// A snapshot directory may come from a pull request: links in it to files elsewhere are not read.
final class SnapshotBoundaryTests: XCTestCase {
    static let secret = "SECRET-snapshot-9d2e"
    var base: URL!

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("live"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        let numbers = #"[{"TelephoneNumber": "+4533121000", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}]"#
        try Data(numbers.utf8).write(to: base.appendingPathComponent("live/numbers.json"))
        try Data("{\"\(Self.secret)\": 1}".utf8).write(to: base.appendingPathComponent("elsewhere/secret.json"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: base) }

    func testALinkOutOfTheSnapshotDirectoryIsRefusedUnread() throws {
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("live/users.json").path,
                                                   withDestinationPath: "../elsewhere/secret.json")
        let live = base.appendingPathComponent("live").path
        XCTAssertThrowsError(try SnapshotLoader.sources(paths: [live], display: { $0.replacingOccurrences(of: self.base.path + "/", with: "") })) { error in
            let problems = (error as? SnapshotProblems)?.problems ?? []
            XCTAssertEqual(problems.map(\.file), ["live/users.json"])
            XCTAssertTrue(problems.first?.message.contains("symbolic link to a file outside live") ?? false, "\(problems)")
            XCTAssertFalse("\(error)".contains(Self.secret))
        }
    }

    func testALinkInsideTheDirectoryAndAFileNamedOnTheCommandLineAreRead() throws {
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("live/current.json").path,
                                                   withDestinationPath: "numbers.json")
        let sources = try SnapshotLoader.sources(paths: [base.appendingPathComponent("live").path])
        XCTAssertEqual(sources.count, 2)
        let named = try SnapshotLoader.sources(paths: [base.appendingPathComponent("elsewhere/secret.json").path])
        XCTAssertEqual(named.count, 1, "the user chose this file")
    }
}
