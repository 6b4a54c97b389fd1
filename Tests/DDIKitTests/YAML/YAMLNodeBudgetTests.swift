import XCTest
@testable import DDIKit

final class YAMLNodeBudgetTests: XCTestCase {
    /// One anchored number entry and `copies` aliases of it, as a list of numbers: the 694 KB file of
    /// the security report had this shape and expanded to 1.1 million entries.
    func amplifiedNumbers(copies: Int) -> String {
        var text = "numbers:\n  - &entry\n    number: \"+4533121000\"\n    status: assigned\n    kind: user\n"
        text += "    assigned_to: anna@contoso.com\n    owner: Sales\n    department: Sales\n    tags: [a, b, c, d, e, f]\n"
        for _ in 0..<copies { text += "  - *entry\n" }
        return text
    }

    func testAliasExpansionHasATightBudgetPerFile() {
        let text = amplifiedNumbers(copies: 1_000)
        guard case .failure(let error) = YAMLParser.parse(Array(text.utf8), file: "n.yaml") else {
            return XCTFail("1,000 aliases of a 20-node entry must exceed the alias budget")
        }
        XCTAssertTrue(error.message.contains("aliases in this file expand to more than \(YAMLParser.maximumAliasNodes) nodes"), error.message)
        // The first alias past the budget: 10,000 / 21 nodes per entry = 476 aliases fit.
        XCTAssertEqual(error.location.line, 10 + 476, error.message)
        XCTAssertEqual(error.location.column, 5)
    }

    func testTheStreamingDecoderKeepsTheSameBudget() {
        let loaded = InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"),
            files: [InventorySourceFile(path: "n.yaml", text: amplifiedNumbers(copies: 1_000))]
        )
        XCTAssertEqual(loaded.diagnostics.count, 1, "\(loaded.diagnostics.map(\.message))")
        XCTAssertEqual(loaded.diagnostics.first?.ruleID, "DDI001")
        XCTAssertTrue(loaded.diagnostics.first?.message.contains("aliases in this file") ?? false)
        XCTAssertEqual(loaded.inventory.numbers.count, 0)
    }

    func testAFewAliasesStillWork() throws {
        let loaded = InventoryLoader.load(
            config: nil,
            files: [InventorySourceFile(path: "n.yaml", text: amplifiedNumbers(copies: 3))]
        )
        XCTAssertEqual(loaded.inventory.numbers.count, 4)
    }

    func testABillionLaughsEndsWithOneError() {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...20 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let loaded = InventoryLoader.load(config: nil, files: [InventorySourceFile(path: "lol.yaml", text: text)])
        XCTAssertEqual(loaded.diagnostics.count, 1)
        XCTAssertEqual(loaded.diagnostics.first?.location.line, 4, "l3 is the first level past 10,000 nodes")
        XCTAssertTrue(loaded.diagnostics.first?.message.contains("aliases") ?? false)
    }

    func testTheWholeFileHasANodeBudget() throws {
        // Five million nodes take a long file to reach: the same builder is checked with a small budget.
        var builder = YAMLTreeBuilder()
        builder.maximumNodes = 100
        let reader = YAMLEventReader(bytes: Array(("- x\n" + String(repeating: "- y\n", count: 100)).utf8), file: "big.yaml")
        XCTAssertThrowsError(try YAMLParser.readDocument(reader) { try builder.node(startingWith: $0, reader: reader, depth: 0) }) { error in
            let syntax = error as? YAMLSyntaxError
            XCTAssertEqual(syntax?.message, "the file has more than 100 YAML nodes: split it into several files")
            XCTAssertEqual(syntax?.location.line, 100)
        }
        XCTAssertGreaterThan(YAMLParser.maximumNodes, 37 * 100_000, "a 100,000-entry file with every key must stay readable")
    }
}
