import XCTest
@testable import DDIKit

final class InventoryInputLimitsTests: XCTestCase {
    func load(_ files: [InventorySourceFile], config: InventorySourceFile? = InventorySourceFile(path: "ddi.yaml", text: "version: 1\n")) -> LoadedInventory {
        InventoryLoader.load(config: config, files: files)
    }

    func utf16(_ text: String, littleEndian: Bool, bom: Bool = true) -> [UInt8] {
        let units = Array(text.utf16).flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        guard bom else { return units }
        return (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + units
    }

    let numbers = "numbers:\n  - number: \"+4533121000\"\n    status: free\n"

    func testUTF16InventoryFilesAreErrors() {
        for bytes in [utf16(numbers, littleEndian: true), utf16(numbers, littleEndian: false), utf16(numbers, littleEndian: true, bom: false)] {
            let loaded = load([InventorySourceFile(path: "n.yaml", bytes: bytes)])
            XCTAssertEqual(loaded.inventory.numbers.count, 0)
            XCTAssertEqual(loaded.diagnostics.count, 1, "\(loaded.diagnostics)")
            let diagnostic = loaded.diagnostics.first
            XCTAssertEqual(diagnostic?.ruleID, "DDI001")
            XCTAssertEqual(diagnostic?.location, SourceLocation(file: "n.yaml", line: 1, column: 1))
            XCTAssertTrue(diagnostic?.message.contains("inventory files must be UTF-8") ?? false, "\(String(describing: diagnostic))")
        }
    }

    func testAUTF16ConfigIsAnError() {
        let loaded = load([], config: InventorySourceFile(path: "ddi.yaml", bytes: utf16("version: 1\n", littleEndian: true)))
        XCTAssertTrue(loaded.diagnostics.contains { $0.location.file == "ddi.yaml" && $0.message.contains("inventory files must be UTF-8") }, "\(loaded.diagnostics)")
    }

    func testUTF8WithABOMIsStillRead() {
        let loaded = load([InventorySourceFile(path: "n.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(numbers.utf8))])
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.inventory.numbers.count, 1)
    }

    func tagged(_ tags: [String]) -> InventorySourceFile {
        let list = tags.map { YAMLQuoting.doubleQuoted($0) }.joined(separator: ", ")
        return InventorySourceFile(path: "n.yaml", text: "numbers:\n  - number: \"+4533121000\"\n    status: free\n    tags: [\(list)]\n")
    }

    func testTeamsAllowsFiftyTagsPerNumber() {
        let fifty = load([tagged((1...50).map { "t\($0)" })])
        XCTAssertEqual(fifty.diagnostics, [])
        XCTAssertEqual(fifty.inventory.numbers.first?.tags.count, 50)

        let many = load([tagged((1...51).map { "t\($0)" })])
        XCTAssertEqual(many.diagnostics.count, 1)
        XCTAssertEqual(many.diagnostics.first?.ruleID, "DDI001")
        XCTAssertEqual(many.diagnostics.first?.location, SourceLocation(file: "n.yaml", line: 4, column: 11))
        XCTAssertTrue(many.diagnostics.first?.message.contains("at most 50") ?? false)
        XCTAssertEqual(many.inventory.numbers.first?.tags, [])
    }

    func testATagLongerThanTeamsAcceptsIsAnError() {
        let loaded = load([tagged([String(repeating: "x", count: 50), String(repeating: "y", count: 51)])])
        XCTAssertEqual(loaded.diagnostics.count, 1, "\(loaded.diagnostics)")
        XCTAssertTrue(loaded.diagnostics.first?.message.contains("longer than 50 characters") ?? false)
        XCTAssertEqual(loaded.inventory.numbers.first?.tags, [String(repeating: "x", count: 50)])
    }
}
