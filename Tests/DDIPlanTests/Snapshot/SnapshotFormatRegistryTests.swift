import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

extension SnapshotFormat {
    static let sbcDIDList = SnapshotFormat(rawValue: "sbc-did-list")
}

/// The worked example of the README's "Extending ddi: a snapshot format": the Direct Routing
/// numbers a session border controller lists, `DID,Description` and one number per line. It is
/// registered nowhere but in these tests.
struct SBCDIDListFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .sbcDIDList }
    var content: SnapshotContent { .numbers }

    func claims(_ export: SnapshotExport) -> Bool {
        export.text.starts(with: Array("DID,Description\n".utf8))
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        let lines = String(decoding: export.text, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
        var contribution = SnapshotContribution(records: lines.count)
        for (index, line) in lines.enumerated() {
            let did = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            switch PhoneNumber.parse(did) {
            case .success(let number):
                contribution.numbers.append(LiveNumber(number: number, numberType: .directRouting, status: .unassigned,
                                                        origin: RecordOrigin(file: export.path, record: index + 1)))
            case .failure:
                contribution.problems.append(SnapshotProblem(file: export.path, record: index + 1, field: "DID", message: "not an E.164 number"))
            }
        }
        return contribution
    }
}

final class SnapshotFormatRegistryTests: XCTestCase {
    static let didList = SnapshotSource(path: "sbc.csv", bytes: Array("DID,Description\n+4533121042,Reception\n+4533121043,Fax\n".utf8))

    func testANewFormatIsReadThroughTheRegistryAlone() throws {
        // Without the format, the file is an unknown export; registered, the loader and `snapshot
        // pull`'s recognition both read it, with no other change.
        XCTAssertThrowsError(try SnapshotLoader.read([Self.didList])) { error in
            XCTAssertTrue("\(error)".contains("cannot tell what this export is"), "\(error)")
        }
        XCTAssertNil(SnapshotLoader.recognisedFormat(of: Self.didList.bytes))

        let formats = SnapshotFormats.all + [SBCDIDListFormat()]
        let snapshot = try SnapshotLoader.read([Self.didList], formats: formats)
        XCTAssertEqual(snapshot.files.map(\.format), [.sbcDIDList])
        XCTAssertEqual(snapshot.files.map(\.records), [2])
        XCTAssertEqual(snapshot.numbers.map(\.number.description), ["+4533121042", "+4533121043"])
        XCTAssertEqual(snapshot.numbers.map(\.numberType), [.directRouting, .directRouting])
        XCTAssertEqual(SnapshotLoader.recognisedFormat(of: Self.didList.bytes, formats: formats), .sbcDIDList)

        let bad = SnapshotSource(path: "sbc.csv", bytes: Array("DID,Description\n4533,Reception\n".utf8))
        XCTAssertThrowsError(try SnapshotLoader.read([bad], formats: formats)) { error in
            XCTAssertEqual("\(error)", "error: sbc.csv: record 1: field DID: not an E.164 number")
        }
    }

    func testTheFirstFormatThatClaimsAFileReadsIt() throws {
        // A Graph page of numbers holds TelephoneNumber too: the registry order gives it to graph-page.
        let page = SnapshotSource(path: "page.json", bytes: try bytes("valid/graph-page-2.json"))
        XCTAssertEqual(SnapshotLoader.parse(page).format, .graphPage)
        let claimants = SnapshotFormats.all.filter { $0.claims(SnapshotExport(path: page.path, bytes: page.bytes)) }.map(\.format)
        XCTAssertEqual(claimants, [.graphPage])
    }

    func testEveryValidFixtureIsClaimedByExactlyOneFormat() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("snapshots/valid")).sorted()
        for name in names {
            let export = SnapshotExport(path: name, bytes: try bytes("valid/" + name))
            XCTAssertEqual(SnapshotFormats.all.filter { $0.claims(export) }.count, 1, name)
        }
    }

    func testFormatNamesAreUniqueAndFitThePlanSchema() throws {
        let names = SnapshotFormats.all.map(\.format.rawValue)
        XCTAssertEqual(Set(names).count, names.count, "\(names)")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path("schema/plan.schema.json")))) as? [String: Any])
        let inputs = try XCTUnwrap((schema["properties"] as? [String: Any])?["inputs"] as? [String: Any])
        let live = try XCTUnwrap((inputs["properties"] as? [String: Any])?["live"] as? [String: Any])
        let file = try XCTUnwrap((live["items"] as? [String: Any])?["properties"] as? [String: Any])
        let pattern = try XCTUnwrap((file["format"] as? [String: Any])?["pattern"] as? String, "a pattern, so that a new format needs no schema edit")
        for name in names + [SnapshotFormat.sbcDIDList.rawValue] {
            XCTAssertNotNil(name.range(of: pattern, options: .regularExpression), name)
        }
    }

    func testDirectoryFormatsAreKnownByTheirContent() {
        XCTAssertEqual(SnapshotFormats.all.filter { $0.format.isDirectory }.map(\.format),
                       [.usersJSON, .usersCSV, .applicationInstancesJSON, .applicationInstancesCSV])
        XCTAssertEqual(SnapshotFormats.all.filter { $0.format.isNumbers }.map(\.format), [.graphPage, .teamsJSON, .acquiredNumbersCSV, .teamsCSV])
        XCTAssertEqual(SnapshotFormats.all.filter { $0.format.isLocations }.map(\.format), [.lisLocationsJSON, .lisLocationsCSV])
        XCTAssertFalse(SnapshotFormat(rawValue: "not-registered").isDirectory)
    }

    private func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: Fixtures.path("snapshots/" + relative)), relative))
    }
}
