import DDIKit
import DDITestSupport
import Foundation
import XCTest

/// Hundreds of damaged copies of the example inventory: none may crash ddi, every diagnostic must point
/// at a real place, and damage that always breaks a file must give errors and exit status 1.
final class MutationTests: XCTestCase {
    struct Mutation {
        var name: String
        var path: String
        var bytes: [UInt8]
        /// True when the damage always makes the inventory invalid.
        var mustFail: Bool
    }

    static let exampleRoot = CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso")

    func exampleFiles() throws -> [InventorySourceFile] {
        let paths = try InventoryLoader.inventoryFilePaths(root: Self.exampleRoot.path, excluding: "live")
        return try ([Inventory.configFileName] + paths).map { path in
            InventorySourceFile(path: path, bytes: [UInt8](try Data(contentsOf: Self.exampleRoot.appendingPathComponent(path))))
        }
    }

    func mutations(count: Int) throws -> [Mutation] {
        let files = try exampleFiles().filter { $0.path != Inventory.configFileName }
        XCTAssertFalse(files.isEmpty)
        var random = SeededGenerator(seed: 0xDD1)
        var result: [Mutation] = []
        while result.count < count, !files.isEmpty {
            let file = files[Int(random.next() % UInt64(files.count))]
            let bytes = file.bytes
            let kind = result.count % 7
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            switch kind {
            case 0:
                result.append(Mutation(name: "truncated at byte \(position)", path: file.path, bytes: Array(bytes[..<position]), mustFail: false))
            case 1:
                var damaged = bytes
                damaged.insert(0xFF, at: position)
                result.append(Mutation(name: "0xFF inserted at byte \(position)", path: file.path, bytes: damaged, mustFail: true))
            case 2:
                let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
                guard quotes.count >= 2 else { continue }
                let opening = quotes[Int(random.next() % UInt64(quotes.count / 2)) * 2]
                result.append(Mutation(name: "truncated inside the quoted scalar at byte \(opening)", path: file.path, bytes: Array(bytes[...opening]) + Array("+45".utf8), mustFail: true))
            case 3:
                guard let damaged = misspellKey(bytes, &random) else { continue }
                result.append(Mutation(name: "misspelt key near byte \(position)", path: file.path, bytes: damaged, mustFail: true))
            case 4:
                guard let damaged = duplicateLine(bytes, containing: "number:", &random) else { continue }
                result.append(Mutation(name: "repeated number key", path: file.path, bytes: damaged, mustFail: true))
            case 5:
                let noise: [UInt8] = [0x00, 0x09, 0x22, 0x27, 0x3A, 0x5B, 0x7B, 0x26, 0x2A, 0x2D, 0x0A, 0x7C, 0x3E, 0x25, 0x40, 0x21]
                var damaged = bytes
                if !damaged.isEmpty { damaged[min(position, damaged.count - 1)] = noise[Int(random.next() % UInt64(noise.count))] }
                result.append(Mutation(name: "byte \(position) replaced", path: file.path, bytes: damaged, mustFail: false))
            default:
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                let line = Int(random.next() % UInt64(lines.count))
                lines.remove(at: line)
                result.append(Mutation(name: "line \(line + 1) deleted", path: file.path, bytes: Array(lines.joined(separator: [UInt8(ascii: "\n")])), mustFail: false))
            }
        }
        return result
    }

    func testMutatedInventoriesNeverCrashAndPointAtRealPlaces() throws {
        let original = try exampleFiles()
        let config = original.first { $0.path == Inventory.configFileName }
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        let all = try mutations(count: 420)
        XCTAssertGreaterThanOrEqual(all.count, 400)
        for mutation in all {
            let files = original.filter { $0.path != Inventory.configFileName }.map {
                $0.path == mutation.path ? InventorySourceFile(path: $0.path, bytes: mutation.bytes) : $0
            }
            let report = Validator.validate(InventoryLoader.load(config: config, files: files), today: today)
            let lineCounts = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes.filter { $0 == 10 }.count + 1) })
            for diagnostic in report.diagnostics {
                let lines = lineCounts[diagnostic.location.file]
                XCTAssertNotNil(lines, "\(mutation.name): diagnostic names unknown file \(diagnostic.location.file)")
                XCTAssertGreaterThanOrEqual(diagnostic.location.line, 1, mutation.name)
                XCTAssertLessThanOrEqual(diagnostic.location.line, (lines ?? 0) + 1, "\(mutation.name): \(diagnostic)")
                XCTAssertGreaterThanOrEqual(diagnostic.location.column, 1, mutation.name)
            }
            if mutation.mustFail {
                XCTAssertTrue(report.hasErrors, "\(mutation.path) \(mutation.name) gave no error")
                XCTAssertTrue(report.diagnostics.contains { $0.location.file == mutation.path && $0.severity == .error }, "\(mutation.path) \(mutation.name): no error in the damaged file")
            }
        }
    }

    func testTheBinaryExitsWithDiagnosticsOnDamagedCopies() throws {
        let pattern = try NSRegularExpression(pattern: #"^[^:\n]+:\d+:\d+: (error|warning|info)\[DDI\d{3}\]: "#)
        for mutation in try mutations(count: 420).filter(\.mustFail).prefix(40) {
            let copy = try TemporaryInventory(files: [:])
            try FileManager.default.copyItem(at: Self.exampleRoot, to: copy.url)
            try Data(mutation.bytes).write(to: copy.url.appendingPathComponent(mutation.path))
            let outcome = try CLIRunner.run(["validate", "-C", copy.path, "--today", "2026-11-27"])
            XCTAssertFalse(outcome.crashed, "\(mutation.name) crashed ddi")
            XCTAssertEqual(outcome.status, 1, "\(mutation.path) \(mutation.name)")
            let lines = outcome.stdout.split(separator: "\n").dropLast()
            XCTAssertFalse(lines.isEmpty, mutation.name)
            for line in lines {
                let text = String(line)
                XCTAssertNotNil(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "\(mutation.name): \(text)")
            }
        }
    }

    private func misspellKey(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        let candidates = lines.indices.filter { index in
            let trimmed = lines[index].drop { $0 == " " || $0 == "-" }
            guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("#") else { return false }
            return trimmed[..<colon].count > 3 && trimmed[..<colon].allSatisfy { $0.isLetter || $0 == "_" }
        }
        guard !candidates.isEmpty else { return nil }
        let index = candidates[Int(random.next() % UInt64(candidates.count))]
        guard let colon = lines[index].firstIndex(of: ":") else { return nil }
        lines[index].replaceSubrange(colon..<colon, with: "x_")
        return Array(lines.joined(separator: "\n").utf8)
    }

    private func duplicateLine(_ bytes: [UInt8], containing needle: String, _ random: inout SeededGenerator) -> [UInt8]? {
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        let candidates = lines.indices.filter { lines[$0].contains("- \(needle)") }
        guard !candidates.isEmpty else { return nil }
        let index = candidates[Int(random.next() % UInt64(candidates.count))]
        let indentation = lines[index].prefix { $0 == " " }.count + 2
        let key = lines[index].drop { $0 == " " || $0 == "-" }
        lines.insert(String(repeating: " ", count: indentation) + key, at: index + 1)
        return Array(lines.joined(separator: "\n").utf8)
    }
}
