import XCTest
@testable import DDIKit

/// `DeclaredEntries.parse` (the event-stream decoder) must give exactly the entries the former
/// whole-tree parse gave (`parseTree`), nil included, on examples, fixtures, odd documents, damaged
/// copies and generated inventories, and on the windows the change walker parses.
final class DeclaredEntriesTests: XCTestCase {
    private func assertSame(_ bytes: [UInt8], path: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let streamed = DeclaredEntries.parse(bytes, path: path, lineOffset: 3)
        let tree = DeclaredEntries.parseTree(bytes, path: path, lineOffset: 3)
        XCTAssertEqual(streamed, tree, name, file: file, line: line)
        XCTAssertEqual(streamed?.map(\.line), tree?.map(\.line), "\(name): lines", file: file, line: line)
    }

    func testExamplesFixturesAndOddDocumentsGiveTheSameEntries() throws {
        let files = try ReaderComparison.yamlFiles(under: "examples") + ReaderComparison.yamlFiles(under: "Tests/Fixtures")
            + ReaderComparison.yamlFiles(under: "Tests/DDIPlanTests/Fixtures") + ReaderComparison.yamlFiles(under: "Tests/DDIEditTests/Golden")
        XCTAssertGreaterThan(files.count, 20)
        for file in files { assertSame(file.bytes, path: file.path, file.path) }
        for (index, text) in InventoryStreamDecoderTests.documents.enumerated() {
            assertSame(Array(text.utf8), path: "f.yaml", "document \(index)")
            // As the walker parses a window: the section header, then items.
            assertSame(Array(("numbers:\n" + text).utf8), path: "f.yaml", "window \(index)")
        }
        XCTAssertNil(DeclaredEntries.parse(Array("numbers:\n  - number: \"+4533121000\n".utf8), path: "f.yaml"))
        XCTAssertEqual(DeclaredEntries.parse(Array("# only a comment\n".utf8), path: "f.yaml"), [])
    }

    func testDamagedCopiesGiveTheSameEntries() throws {
        let originals = try ReaderComparison.yamlFiles(under: "examples/contoso")
        for copy in try ReaderComparison.damagedCopies(of: originals, count: 1_500, seed: 0xDEC1) {
            assertSame(copy.bytes, path: copy.path, copy.label)
        }
    }

    func testGeneratedInventoriesGiveTheSameEntries() {
        for seed: UInt64 in [1, 2, 3, 20261127] {
            var generator = InventoryTextGenerator(seed: seed)
            for fileIndex in 0..<3 {
                let text = generator.file(entries: 300, fileIndex: fileIndex)
                assertSame(Array(text.utf8), path: "gen.yaml", "seed \(seed) file \(fileIndex)")
            }
        }
    }
}
