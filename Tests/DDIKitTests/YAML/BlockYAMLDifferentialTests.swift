import Foundation
import XCTest
@testable import DDIKit

/// Both readers on every example and fixture, on damaged copies of them and on generated inventories:
/// the same events, trees, decoded files, diagnostics and validation reports.
final class BlockYAMLDifferentialTests: XCTestCase {
    func corpus() throws -> [(path: String, bytes: [UInt8])] {
        try ReaderComparison.yamlFiles(under: "examples") + ReaderComparison.yamlFiles(under: "Tests/Fixtures")
            + ReaderComparison.yamlFiles(under: "Tests/DDIPlanTests/Fixtures") + ReaderComparison.yamlFiles(under: "Tests/DDIEditTests/Golden")
    }

    func testExamplesAndFixturesReadAlike() throws {
        let files = try corpus()
        XCTAssertGreaterThan(files.count, 80)
        var fast = 0
        for file in files where ReaderComparison.assertSameReading(file.bytes, path: file.path, file.path) { fast += 1 }
        // Nearly all of them are plain block YAML; the few that are not must still be compared above.
        XCTAssertGreaterThan(fast, files.count * 3 / 4, "the fast scanner read only \(fast) of \(files.count)")
    }

    func testExampleInventoriesValidateAlike() throws {
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        for name in ["contoso", "fabrikam", "northwind", "tailspin", "broken"] {
            let root = ReaderComparison.repositoryRoot.appendingPathComponent("examples/\(name)").path
            let sources = try InventoryLoader.collectSources(root: root).0
            let fast = InventoryLoader.load(config: sources.config, files: sources.files, reader: .fastWhenPossible)
            let libyaml = InventoryLoader.load(config: sources.config, files: sources.files, reader: .libyamlOnly)
            XCTAssertEqual(Validator.validate(fast, today: today).diagnostics, Validator.validate(libyaml, today: today).diagnostics, name)
            XCTAssertEqual(fast.diagnostics, libyaml.diagnostics, name)
        }
    }

    func testDamagedCopiesReadAlike() throws {
        let originals = try ReaderComparison.yamlFiles(under: "examples/contoso")
        var fast = 0
        let count = 1_500
        for copy in try ReaderComparison.damagedCopies(of: originals, count: count, seed: 0xDD1) {
            if ReaderComparison.assertSameReading(copy.bytes, path: copy.path, copy.label) { fast += 1 }
        }
        // Most damage leaves plain block YAML (a misspelt key, a deleted line), so both paths are exercised.
        XCTAssertGreaterThan(fast, count / 3, "the fast scanner read only \(fast) of \(count) damaged copies")
        XCTAssertLessThan(fast, count, "no damaged copy made the fast scanner give up")
    }

    func testDamagedInventoriesValidateAlike() throws {
        let root = ReaderComparison.repositoryRoot.appendingPathComponent("examples/contoso").path
        let sources = try InventoryLoader.collectSources(root: root).0
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        var mutator = YAMLMutator(seed: 0x5EED)
        for index in 0..<120 {
            let target = index % sources.files.count
            let mutation = mutator.mutate(sources.files[target].bytes, kind: index)
            var files = sources.files
            files[target].bytes = mutation.bytes
            let fast = Validator.validate(InventoryLoader.load(config: sources.config, files: files, reader: .fastWhenPossible), today: today)
            let libyaml = Validator.validate(InventoryLoader.load(config: sources.config, files: files, reader: .libyamlOnly), today: today)
            XCTAssertEqual(fast.diagnostics, libyaml.diagnostics, "\(files[target].path) \(mutation.name)")
        }
    }

    func testGeneratedInventoriesReadAlikeAndFast() throws {
        for seed: UInt64 in [1, 2, 3, 20261127] {
            var generator = InventoryTextGenerator(seed: seed)
            for fileIndex in 0..<3 {
                let text = generator.file(entries: 400, fileIndex: fileIndex)
                let read = ReaderComparison.assertSameReading(Array(text.utf8), path: "gen-\(seed)-\(fileIndex).yaml", "seed \(seed) file \(fileIndex)")
                XCTAssertTrue(read, "the fast scanner gave up on a generated inventory (seed \(seed))")
            }
        }
    }
}
