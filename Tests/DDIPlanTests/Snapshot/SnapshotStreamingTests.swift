import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// A file read record by record (`SnapshotStreaming`) adds exactly what the same file read whole
/// adds: the same numbers, accounts, notes and problems (messages included), the same format,
/// record count and digest, for every export of the examples and fixtures and for broken ones.
final class SnapshotStreamingTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path

    func assertSameParsed(_ path: String, name: String, chunkSize: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        let source = SnapshotSource(path: name, bytes: bytes)
        let whole = SnapshotLoader.parse(source)
        let streamed = SnapshotStreaming.parse(file: path, name: name, formats: SnapshotFormats.all, chunkSize: chunkSize)
        let context = "\(name), chunk size \(chunkSize)"
        XCTAssertEqual(streamed.parsed.format, whole.format, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.records, whole.records, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.numbers, whole.numbers, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.accounts, whole.accounts, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.locations, whole.locations, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.routing, whole.routing, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.notes, whole.notes, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.problems, whole.problems, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.page?.nextLink, whole.page?.nextLink, context, file: file, line: line)
        XCTAssertEqual(streamed.parsed.page == nil, whole.page == nil, context, file: file, line: line)
        if whole.problems.isEmpty { XCTAssertEqual(streamed.digest, SnapshotLoader.digest(bytes), context, file: file, line: line) }
    }

    func testEveryExampleAndFixtureFileParsesTheSameStreamed() throws {
        var files: [(path: String, name: String)] = []
        let manager = FileManager.default
        for example in try manager.contentsOfDirectory(atPath: Self.examples).sorted() {
            let live = Self.examples + "/" + example + "/live"
            guard let names = try? manager.contentsOfDirectory(atPath: live) else { continue }
            files += names.sorted().map { (live + "/" + $0, example + "/" + $0) }
        }
        for folder in ["valid", "malformed"] {
            let directory = Fixtures.path("snapshots/" + folder)
            files += try manager.contentsOfDirectory(atPath: directory).sorted().map { (directory + "/" + $0, $0) }
        }
        XCTAssertGreaterThan(files.count, 45)
        for (path, name) in files {
            for size in [5, 1 << 20] { try assertSameParsed(path, name: name, chunkSize: size) }
        }
    }

    func testEveryExampleSnapshotLoadsTheSameStreamedAsWhole() throws {
        for example in ["contoso", "fabrikam", "northwind", "tailspin"] {
            let live = Self.examples + "/" + example + "/live"
            let streamed = try SnapshotLoader.load(paths: [live])
            let whole = try SnapshotLoader.read(try SnapshotLoader.sources(paths: [live]))
            XCTAssertEqual(streamed.numbers, whole.numbers, example)
            XCTAssertEqual(streamed.accounts, whole.accounts, example)
            XCTAssertEqual(streamed.files, whole.files, example)
            XCTAssertEqual(streamed.locations, whole.locations, example)
            XCTAssertEqual(streamed.notes, whole.notes, example)
            XCTAssertEqual(streamed.routing, whole.routing, example)
            XCTAssertTrue(streamed.files.contains { $0.format == .teamsJSON || $0.format == .graphPage }, example)
        }
    }

    /// A large export with wrong records, unknown values and broken syntax gives the same problems
    /// and notes, in the same order, read either way.
    func testBrokenRecordsOfALargeExportGiveTheSameProblemsStreamed() throws {
        func record(_ index: Int) -> String {
            let number = index % 97 == 0 ? "+49 30 12" : "+4930\(1_000_000 + index)"
            let status = index % 89 == 0 ? "Reserved" : (index % 2 == 0 ? "UserAssigned" : "Unassigned")
            let type = index % 83 == 0 ? "" : "DirectRouting"
            let target = index % 79 == 0 ? "5" : "\"\(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))?.uuidString ?? "")\""
            return #"{"TelephoneNumber": "\#(number)", "NumberType": "\#(type)", "PstnAssignmentStatus": "\#(status)", "AssignedPstnTargetId": \#(target), "Capability": ["UserAssignment"], "Tag": ["t\#(index % 5)"]}"#
        }
        let records = (1...3_000).map(record)
        let valid = "[\n" + records.joined(separator: ",\n") + "\n]\n"
        let variants = [
            valid,
            String(valid.dropLast(3)),
            valid + "x",
            valid.replacingOccurrences(of: "\"t3\"", with: "t3"),
            valid.replacingOccurrences(of: #"{"TelephoneNumber": "+49301002999""#, with: #"{"TelephoneNumber": "+49301002999\u"#),
        ]
        for (index, text) in variants.enumerated() {
            let path = try JSONRecordStreamingTests.temporaryFile(Array(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            for size in [64, 1 << 20] { try assertSameParsed(path, name: "variant-\(index).json", chunkSize: size) }
        }
    }

    /// Files that are not a top-level array a streaming format claims are read whole, as before.
    func testOnlyArraysAStreamingFormatClaimsAreStreamed() throws {
        let first = SnapshotRecord(index: 1, line: 2)
        var number = first
        number[.telephoneNumber] = .text("+1")
        var location = first
        location[.locationID] = .text("l")
        location[.countryOrRegion] = .text("DE")
        XCTAssertEqual(SnapshotStreaming.streamingFormat(for: SnapshotExport(path: "n.json", firstRecordOfArray: number), in: SnapshotFormats.all)?.format.format, .teamsJSON)
        XCTAssertNil(SnapshotStreaming.streamingFormat(for: SnapshotExport(path: "l.json", firstRecordOfArray: location), in: SnapshotFormats.all))
        // A routing export: a format that reads the text comes before anything could claim it.
        XCTAssertNil(SnapshotStreaming.streamingFormat(for: SnapshotExport(path: "a.json", firstRecordOfArray: first), in: SnapshotFormats.all))
    }

    /// Room is reserved for the records a file seems to hold, never more than one per 128 bytes.
    func testTheReservationFollowsTheFirstRecordWithinTheFileSize() {
        XCTAssertEqual(SnapshotStreaming.expectedRecords(fileSize: 102_176_194, firstRecordLength: 1_021), 106_328)
        XCTAssertEqual(SnapshotStreaming.expectedRecords(fileSize: 1_000_000, firstRecordLength: 2), 7_812)
        XCTAssertEqual(SnapshotStreaming.expectedRecords(fileSize: 1 << 40, firstRecordLength: 200), SnapshotRecord.maximumPerFile)
        XCTAssertEqual(SnapshotStreaming.expectedRecords(fileSize: 10, firstRecordLength: 0), 0)
    }

    func testAFileThatCannotBeOpenedIsReportedAsBefore() throws {
        let directory = NSTemporaryDirectory() + "ddi-streaming-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/folder.json", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        XCTAssertFalse(SnapshotStreaming.isStreamable(directory + "/folder.json"))
        XCTAssertThrowsError(try SnapshotLoader.load(paths: [directory], display: { ($0 as NSString).lastPathComponent })) { error in
            XCTAssertEqual((error as? SnapshotProblems)?.problems, [SnapshotProblem(file: "folder.json", message: "cannot read the file")])
        }
    }
}
