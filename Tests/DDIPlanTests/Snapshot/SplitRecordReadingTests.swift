import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIPlan

/// A large export read in parts on several threads (`SplitRecordReading`) adds exactly what the
/// single reader adds: the same numbers, accounts, notes and problems (record indexes, lines and
/// messages included), the same record count and digest, with 1, 2, 3, 4 and 7 parts, for every
/// export of the examples and fixtures and for generated, damaged and hostile ones.
final class SplitRecordReadingTests: XCTestCase {
    static let partCounts = [2, 3, 4, 7]

    /// Reads `path` whole with one reader, then in every number of parts (any file size), and
    /// compares. Gives the parts used by the largest split, so that a test can tell splitting happened.
    @discardableResult
    func assertSameInParts(_ path: String, name: String, chunkSizes: [Int] = [64, 1 << 20],
                           file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let single = SnapshotStreaming.parse(file: path, name: name, formats: SnapshotFormats.all, parts: 1)
        XCTAssertEqual(single.parsed.partsTaken, 0, name, file: file, line: line)
        var taken = 0
        for chunkSize in chunkSizes {
            for parts in Self.partCounts {
                let split = SnapshotStreaming.parse(file: path, name: name, formats: SnapshotFormats.all, chunkSize: chunkSize,
                                                    parts: parts, minimumBytesPerPart: 0)
                let context = "\(name), \(parts) parts, chunk size \(chunkSize)"
                XCTAssertEqual(split.digest, single.digest, context, file: file, line: line)
                XCTAssertEqual(split.parsed.format, single.parsed.format, context, file: file, line: line)
                XCTAssertEqual(split.parsed.records, single.parsed.records, context, file: file, line: line)
                XCTAssertEqual(split.parsed.numbers, single.parsed.numbers, context, file: file, line: line)
                XCTAssertEqual(split.parsed.accounts, single.parsed.accounts, context, file: file, line: line)
                XCTAssertEqual(split.parsed.locations, single.parsed.locations, context, file: file, line: line)
                XCTAssertEqual(split.parsed.routing, single.parsed.routing, context, file: file, line: line)
                XCTAssertEqual(split.parsed.notes, single.parsed.notes, context, file: file, line: line)
                XCTAssertEqual(split.parsed.problems, single.parsed.problems, context, file: file, line: line)
                XCTAssertEqual(split.parsed.page?.nextLink, single.parsed.page?.nextLink, context, file: file, line: line)
                XCTAssertEqual(SnapshotLoader.duplicateNumbers(split.parsed.numbers), SnapshotLoader.duplicateNumbers(single.parsed.numbers),
                               context, file: file, line: line)
                taken = max(taken, split.parsed.partsTaken)
            }
        }
        return taken
    }

    func testEveryExampleAndFixtureExportReadsTheSameInParts() throws {
        var files: [(path: String, name: String)] = []
        let manager = FileManager.default
        for example in try manager.contentsOfDirectory(atPath: SnapshotStreamingTests.examples).sorted() {
            let live = SnapshotStreamingTests.examples + "/" + example + "/live"
            guard let names = try? manager.contentsOfDirectory(atPath: live) else { continue }
            files += names.sorted().map { (live + "/" + $0, example + "/" + $0) }
        }
        for folder in ["snapshots/valid", "snapshots/malformed", "exact-match/powershell-json", "exact-match/graph"] {
            let directory = Fixtures.path(folder)
            files += try manager.contentsOfDirectory(atPath: directory).sorted().map { (directory + "/" + $0, $0) }
        }
        XCTAssertGreaterThan(files.count, 50)
        var taken = 0
        for (path, name) in files { taken += try assertSameInParts(path, name: name, chunkSizes: [5, 1 << 20]) }
        XCTAssertGreaterThan(taken, 0, "no example export was read in parts")
    }

    /// A generated numbers export: wrong and unknown values, strings holding `},{`, escaped quotes
    /// and whole records, nested arrays of objects, duplicates; pretty-printed or on one line.
    static func generatedExport(records count: Int, seed: UInt64, pretty: Bool) -> String {
        var generator = SeededGenerator(seed: seed)
        let hostile = [
            #"}, {"#, #"},{"#, #"}\n,\n{"#, #"\"},{\""#, #"\\"#, #"}, {\"TelephoneNumber\": \"+4930999\", \"NumberType\": \"DirectRouting\"}"#,
            #"]}, {["#, "\\u007d,\\u007b", "ä}, {ö", #"\"\\\"},{"#,
        ]
        func record(_ index: Int) -> String {
            let duplicate = index % 211 == 0 && index > 1
            let digits = duplicate ? 1_000_000 + index - 1 : 1_000_000 + index
            let number = index % 97 == 0 ? "+49 30 12" : "+4930\(digits)"
            let status = index % 89 == 0 ? "Reserved" : (index % 2 == 0 ? "UserAssigned" : "Unassigned")
            let type = index % 83 == 0 ? "" : "DirectRouting"
            let target = index % 79 == 0 ? "5" : "\"\(String(format: "00000000-0000-0000-0000-%012d", index))\""
            var fields = [
                #""TelephoneNumber": "\#(number)""#, #""NumberType": "\#(type)""#, #""PstnAssignmentStatus": "\#(status)""#,
                #""AssignedPstnTargetId": \#(target)"#, #""Capability": ["UserAssignment", "Geographic"]"#,
            ]
            if Int.random(in: 0..<3, using: &generator) == 0 {
                fields.append(#""PstnPartnerName": "\#(hostile[Int.random(in: 0..<hostile.count, using: &generator)])""#)
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                fields.append(#""RoutingOptions": [{"a": [1, {"b": "}, {"}]}, {"TelephoneNumber": "+4930777", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}, [[], {}]]"#)
            }
            if Int.random(in: 0..<5, using: &generator) == 0 { fields.append(#""City": "\#(hostile[index % hostile.count])""#) }
            if index % 53 == 0 { fields.append(#""ActivationState": "Sleeping""#) }
            fields.append(#""Tag": ["t\#(index % 5)"]"#)
            let separator = pretty ? ",\n    " : ", "
            return pretty ? "  {\n    " + fields.joined(separator: separator) + "\n  }" : "{" + fields.joined(separator: separator) + "}"
        }
        let body = (1...count).map(record).joined(separator: pretty ? ",\n" : ",")
        return pretty ? "[\n" + body + "\n]\n" : "[" + body + "]"
    }

    func testGeneratedExportsReadTheSameInPartsAndAreSplit() throws {
        for (seed, pretty) in [(1, true), (2, false), (3, true)] {
            let text = Self.generatedExport(records: 1_500, seed: UInt64(seed), pretty: pretty)
            let path = try JSONRecordStreamingTests.temporaryFile(Array(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let taken = try assertSameInParts(path, name: "generated-\(seed).json")
            XCTAssertGreaterThanOrEqual(taken, 3, "seed \(seed): most parts of a clean split are read on their own threads")
        }
    }

    /// Damaged copies: truncated anywhere, a byte changed anywhere, garbage after the array, a byte
    /// order mark, invalid UTF-8, a record that is not an object, bad escapes.
    func testDamagedExportsReadTheSameInParts() throws {
        let valid = Array(Self.generatedExport(records: 300, seed: 7, pretty: true).utf8)
        var variants: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF] + valid,
            valid + Array("x".utf8),
            valid + Array("[]".utf8),
            Array(String(decoding: valid, as: UTF8.self).replacingOccurrences(of: "\"t3\"", with: "t3").utf8),
            Array(String(decoding: valid, as: UTF8.self).replacingOccurrences(of: "\"t2\"", with: "\"t2\\q\"").utf8),
            Array(String(decoding: valid, as: UTF8.self).replacingOccurrences(of: "  {\n    \"TelephoneNumber\": \"+49301000150\"", with: "  [1],\n  {\n    \"TelephoneNumber\": \"+49301000150\"").utf8),
        ]
        var invalidUTF8 = valid
        for index in stride(from: 1_000, to: invalidUTF8.count, by: 997) where invalidUTF8[index] > 0x60 { invalidUTF8[index] = 0xFF }
        variants.append(invalidUTF8)
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<12 { variants.append(Array(valid.prefix(Int.random(in: 1..<valid.count, using: &generator)))) }
        let replacements: [UInt8] = Array("{}[],\":\\ x0".utf8)
        for _ in 0..<24 {
            var flipped = valid
            flipped[Int.random(in: 0..<flipped.count, using: &generator)] = replacements[Int.random(in: 0..<replacements.count, using: &generator)]
            variants.append(flipped)
        }
        for (index, bytes) in variants.enumerated() {
            let path = try JSONRecordStreamingTests.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            try assertSameInParts(path, name: "damaged-\(index).json", chunkSizes: [1 << 20])
        }
    }

    /// Part starts guessed inside strings and inside nested arrays of objects parse as records
    /// from there, and are never used: only the single reader's records count.
    func testGuessesInsideStringsAndNestedArraysAreNeverUsed() throws {
        let fake = #"{\"TelephoneNumber\": \"+4930555\", \"NumberType\": \"DirectRouting\", \"PstnAssignmentStatus\": \"Unassigned\"}"#
        let nested = #"[{"x": 1}, {"TelephoneNumber": "+4930666", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}, {"y": 2}]"#
        let records = (1...400).map { index in
            #"{"TelephoneNumber": "+4930\#(2_000_000 + index)", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned", "PstnPartnerName": "}, \#(fake), \#(fake), {", "RoutingOptions": \#(nested)}"#
        }
        let path = try JSONRecordStreamingTests.temporaryFile(Array(("[" + records.joined(separator: ",") + "]").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try assertSameInParts(path, name: "hostile.json")
        let split = SnapshotStreaming.parse(file: path, name: "hostile.json", formats: SnapshotFormats.all, parts: 7, minimumBytesPerPart: 0)
        XCTAssertEqual(split.parsed.numbers.count, 400)
        XCTAssertFalse(split.parsed.numbers.contains { $0.number.description.hasPrefix("+4930555") || $0.number.description.hasPrefix("+4930666") })
        XCTAssertEqual(split.parsed.numbers.map(\.origin.record), Array(1...400))
    }

    /// A users export is split the same way (accounts, their record indexes and problems).
    func testAGeneratedUsersExportReadsTheSameInParts() throws {
        let records = (1...900).map { index in
            let upn = index % 61 == 0 ? "no-at-sign" : "user\(index)@contoso.com"
            return #"{"Identity": "\#(String(format: "00000000-0000-0000-0000-%012d", index))", "UserPrincipalName": "\#(upn)", "DisplayName": "}, {\"\#(index)", "LineUri": null, "AccountEnabled": \#(index % 7 == 0 ? "\"yes\"" : "true"), "AccountType": "User"}"#
        }
        let path = try JSONRecordStreamingTests.temporaryFile(Array(("[\n" + records.joined(separator: ",\n") + "\n]").utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertGreaterThan(try assertSameInParts(path, name: "users.json"), 0)
    }

    func testPartsStartWhereTheSeparatorOfTheFirstTwoRecordsRecurs() {
        func separator(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { SplitRecordReading.separator(after: $0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        XCTAssertEqual(separator(",\n  {\n    \"A\""), "},\n  {")
        XCTAssertEqual(separator(" ,{"), "} ,{")
        XCTAssertNil(separator("]"))
        XCTAssertNil(separator(", x{"))
        XCTAssertNil(separator(","))
        func start(_ text: String, _ separator: String) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { SplitRecordReading.firstRecordStart(in: $0, separator: Array(separator.utf8)) }
        }
        XCTAssertEqual(start(#"a"}, {"b"#, "}, {"), 5)
        XCTAssertEqual(start("}, {\"x\": 1}\n  },\n  {", "},\n  {"), 19)
        XCTAssertEqual(start("},{", "},{"), 2)
        XCTAssertNil(start("}, {", "},{"))
        XCTAssertNil(start("},", "},{"))
        XCTAssertNil(start("", "},{"))
    }

    /// Small files and one-core machines are read by one thread.
    func testASmallFileIsReadByOneThread() throws {
        let path = try JSONRecordStreamingTests.temporaryFile(Array(Self.generatedExport(records: 200, seed: 5, pretty: true).utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(SnapshotStreaming.parse(file: path, name: "n.json", formats: SnapshotFormats.all, parts: 2).parsed.partsTaken, 0)
        XCTAssertEqual(SnapshotStreaming.parse(file: path, name: "n.json", formats: SnapshotFormats.all, parts: 1, minimumBytesPerPart: 0).parsed.partsTaken, 0)
        XCTAssertEqual(SnapshotStreaming.parse(file: path, name: "n.json", formats: SnapshotFormats.all, parts: 2, minimumBytesPerPart: 0).parsed.partsTaken, 1)
    }
}
