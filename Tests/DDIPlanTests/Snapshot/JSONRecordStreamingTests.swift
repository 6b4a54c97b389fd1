import Crypto
import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// The streaming reader (`JSONByteStream` under `JSONRecordReader`) against the reader of a whole
/// text: on every export of the examples and fixtures, and on malformed and edge inputs, cut into
/// chunks of every small size, both give the same records or the same error (line and message).
final class JSONRecordStreamingTests: XCTestCase {
    struct Record: Equatable {
        var index: Int
        var line: Int?
        var values: [FieldValue?]

        init(_ record: SnapshotRecord) {
            index = record.index
            line = record.line
            values = record.values
        }
    }

    enum Outcome: Equatable {
        case export(records: [Record], isWrapper: Bool, isGraphPage: Bool, nextLink: String?)
        case failure(line: Int, message: String)
        case utf16
    }

    static func outcome(_ read: () throws(JSONSyntaxError) -> JSONExport) -> Outcome {
        do throws(JSONSyntaxError) {
            let export = try read()
            return .export(records: export.records.map(Record.init), isWrapper: export.isWrapper, isGraphPage: export.isGraphPage, nextLink: export.nextLink)
        } catch {
            return .failure(line: error.line, message: error.message)
        }
    }

    /// As the loader reads a file it holds whole.
    static func whole(_ bytes: [UInt8]) -> Outcome {
        let text = TextDecoding.utf8WithoutBOM(bytes)
        return outcome { () throws(JSONSyntaxError) in try JSONRecordReader.read(text) }
    }

    static func streamed(_ bytes: [UInt8], chunkSize: Int) throws -> Outcome {
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let stream = try XCTUnwrap(JSONByteStream(path: file, chunkSize: chunkSize))
        if stream.isUTF16 { return .utf16 }
        return outcome { () throws(JSONSyntaxError) in try JSONRecordReader.read(stream) }
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "ddi-stream-\(UUID().uuidString).json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func exportFiles() throws -> [String] {
        let manager = FileManager.default
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path
        var files: [String] = []
        for example in try manager.contentsOfDirectory(atPath: examples).sorted() {
            let live = examples + "/" + example + "/live"
            guard let names = try? manager.contentsOfDirectory(atPath: live) else { continue }
            files += names.filter { $0.hasSuffix(".json") }.sorted().map { live + "/" + $0 }
        }
        for folder in ["valid", "malformed"] {
            let directory = Fixtures.path("snapshots/" + folder)
            files += try manager.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
        }
        return files
    }

    func assertSameStreamed(_ text: String, chunkSizes: [Int] = [1, 2, 3, 5, 16, 1 << 20], file: StaticString = #filePath, line: UInt = #line) throws {
        try assertSameStreamed(Array(text.utf8), chunkSizes: chunkSizes, file: file, line: line)
    }

    func assertSameStreamed(_ bytes: [UInt8], chunkSizes: [Int] = [1, 2, 3, 5, 16, 1 << 20], file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = Self.whole(bytes)
        for size in chunkSizes {
            XCTAssertEqual(try Self.streamed(bytes, chunkSize: size), expected, "chunk size \(size): \(String(decoding: bytes.prefix(80), as: UTF8.self))", file: file, line: line)
        }
    }

    func testEveryExampleAndFixtureExportReadsTheSameInChunksOfAnySize() throws {
        let files = try Self.exportFiles()
        XCTAssertGreaterThan(files.count, 30)
        var checked = 0
        for path in files {
            let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                XCTAssertEqual(try Self.streamed(bytes, chunkSize: 64), .utf16, path)
                continue
            }
            let sizes = bytes.count < 20_000 ? [1, 3, 7, 4096] : [1000, 4096, 1 << 20]
            try assertSameStreamed(bytes, chunkSizes: sizes)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testEveryTruncationOfAnExportFailsTheSameStreamed() throws {
        let text = #"""
        [
          {"TelephoneNumber": "+4930123", "Tag": ["a\"b", "\u00e9\ud83d\ude00"], "City": null, "LocationUpdateSupported": true,
           "Other": {"x": [1, -2.5e+3, false, "\\"]}, "AssignedPlan": [{"Capability": "MCOEV", "CapabilityStatus": "Enabled"}]},
          {"telephonenumber": "+4930124", "NumberType": 3}
        ]
        """#
        let bytes = Array(text.utf8)
        for length in 0...bytes.count {
            try assertSameStreamed(Array(bytes.prefix(length)), chunkSizes: [1, 4])
        }
        XCTAssertEqual(Self.whole(Array(bytes.prefix(bytes.count - 1))), .failure(line: 5, message: "the file ends early (truncated?): expected ']'"))
    }

    func testEscapesSurrogatesNumbersAndLiteralsReadTheSame() throws {
        let inputs = [
            #"[{"TelephoneNumber": "a\nb\t\"c\"\\\/\b\f\r"}]"#,
            #"[{"TelephoneNumber": "\ud83d\ude00 \u00E9 \uD800x \udc00"}]"#,
            #"[{"TelephoneNumber": "\ud83d\u0041"}]"#,
            #"[{"TelephoneNumber": "\q"}]"#,
            #"[{"TelephoneNumber": "\u12G4"}]"#,
            #"[{"TelephoneNumber": "\u12"}]"#,
            "[{\"TelephoneNumber\": \"a\u{01}b\"}]",
            "[{\"Unknown\": \"a\u{01}b\"}]",
            #"[{"Unknown": "\q is not checked where nothing is read"}]"#,
            #"[{"NumberType": -12.5e+3, "Tag": [1, 2.0, -0, 1.2.3]}]"#,
            #"[{"NumberType": -}]"#,
            #"[{"NumberType": +1}]"#,
            #"[{"NumberType": tru}]"#,
            #"[{"NumberType": nul, "x": 1}]"#,
            #"[{"Tele\u0070honeNumber": "+1", "@odata.x": 1}]"#,
            #"[{"TELEPHONENUMBER": "+1"}, {"telephoneNumber": "+2"}]"#,
            #"[{"TelephoneNumber": "+1"},]"#,
            #"[{"TelephoneNumber": "+1"} {"TelephoneNumber": "+2"}]"#,
            #"[{"TelephoneNumber" "+1"}]"#,
            #"[{TelephoneNumber: "+1"}]"#,
            #"[{"TelephoneNumber": "+1"}, 5]"#,
            #"[5]"#, "[]", "[ \n\n ]", "", "  \n ", "{}", "5", "[{}] x", "[{}]\n\n\n",
            #"{"value": [{"telephoneNumber": "+1"}], "@odata.nextLink": "https://graph/next"}"#,
            #"{"@odata.context": "c", "value": [{"telephoneNumber": "+1"}], "value": [{"telephoneNumber": "+2"}]}"#,
            #"{"value": [], "@ODATA.count": 0}"#,
            #"{"TelephoneNumber": "+1", "value": 5}"#,
            "\u{FEFF}[{\"TelephoneNumber\": \"+1\"}]",
        ]
        for input in inputs { try assertSameStreamed(input) }
        XCTAssertEqual(Self.whole(Array(inputs[1].utf8)), .export(records: [Record({
            var record = SnapshotRecord(index: 1, line: 1)
            record[.telephoneNumber] = .text("😀 é \u{FFFD}x \u{FFFD}")
            return record
        }())], isWrapper: false, isGraphPage: false, nextLink: nil))
    }

    func testNestingIsLimitedTheSameStreamed() throws {
        for field in ["Tag", "Unknown", "AssignedPlan"] {
            for depth in [197, 198, 199, 250, 10_000] {
                let text = "[{\"\(field)\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}]"
                try assertSameStreamed(text, chunkSizes: [7, 1 << 20])
            }
        }
        XCTAssertEqual(Self.whole(Array(("[{\"Tag\": " + String(repeating: "[", count: 250) + String(repeating: "]", count: 250) + "}]").utf8)),
                       .failure(line: 1, message: "nested too deeply"))
    }

    func testTheDigestIsOfTheFileAsStoredByteOrderMarkIncluded() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("[{\"TelephoneNumber\": \"+1\"},\n {\"TelephoneNumber\": \"+2\"}]\n".utf8)
        let file = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let stream = try XCTUnwrap(JSONByteStream(path: file, chunkSize: 2))
        var reader = JSONRecordReader(stream: stream)
        XCTAssertTrue(reader.startsWithArray())
        try reader.openRecordArray()
        XCTAssertEqual(try reader.nextRecord()?[.telephoneNumber], .text("+1"))
        XCTAssertEqual(try reader.nextRecord()?.line, 2)
        XCTAssertNil(try reader.nextRecord())
        try reader.finishDocument()
        XCTAssertEqual(reader.recordsRead, 2)
        XCTAssertEqual(stream.digest(), SnapshotLoader.digest(bytes))
        XCTAssertEqual(SnapshotLoader.digest(bytes), "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }

    /// The point of streaming: only the record being read is held, however long the file.
    func testAStreamHoldsOnlyTheRecordBeingRead() throws {
        let record = #"{"TelephoneNumber": "+4930123", "AssignedPstnTargetId": "4de58602-848d-5981-bed7-9d90e49a16ab", "Tag": []}"#
        let text = "[\n" + Array(repeating: record, count: 20_000).joined(separator: ",\n") + "\n]\n"
        let file = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let stream = try XCTUnwrap(JSONByteStream(path: file, chunkSize: 4096))
        var reader = JSONRecordReader(stream: stream)
        try reader.openRecordArray()
        var largestWindow = 0
        var count = 0
        while let next = try reader.nextRecord() {
            count += 1
            XCTAssertEqual(next.line, count + 1)
            largestWindow = max(largestWindow, stream.window.count)
        }
        try reader.finishDocument()
        XCTAssertEqual(count, 20_000)
        XCTAssertGreaterThan(text.utf8.count, 2_000_000)
        XCTAssertLessThanOrEqual(largestWindow, 4096)
    }

    /// A record longer than a chunk grows the window instead of losing its start.
    func testARecordLongerThanAChunkIsReadWhole() throws {
        let long = String(repeating: "x", count: 50_000)
        try assertSameStreamed("[{\"City\": \"\(long)\", \"TelephoneNumber\": \"+1\"}, {\"Unknown\": \"\(long)\"}]", chunkSizes: [4, 4096])
    }
}
