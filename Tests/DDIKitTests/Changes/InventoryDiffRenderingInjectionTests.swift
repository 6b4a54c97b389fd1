@testable import DDIKit
import XCTest

final class InventoryDiffRenderingInjectionTests: XCTestCase {
    func inventory(owner: String, rangeNote: String = "HQ") -> Inventory {
        let text = """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
            note: \(rangeNote)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: \(owner)
            department: \(owner)

        """
        return InventoryLoader.load(config: nil, files: [InventorySourceFile(path: "numbers.yaml", text: text)]).inventory
    }

    func testTextAndMarkdownEscapeChangedValues() throws {
        let hostile = "\"Front Office\\e[31m\\n::error file=x::Approved\""
        let diff = InventoryDiff(from: inventory(owner: "IT"), to: inventory(owner: hostile, rangeNote: hostile))
        XCTAssertFalse(diff.isEmpty)
        let renderer = InventoryDiffRenderer(baseLabel: "main\u{1B}[2J", headLabel: "HEAD")
        for format in [ChangeFormat.text, .markdown] {
            let output = try renderer.render(diff, as: format)
            XCTAssertFalse(output.unicodeScalars.contains("\u{1B}"), "\(format):\n\(output)")
            XCTAssertFalse(output.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(format):\n\(output)")
            XCTAssertTrue(output.contains("Front Office\\u{1B}[31m\\n::error file=x::Approved"), "\(format):\n\(output)")
        }
        XCTAssertTrue(try renderer.render(diff, as: .json).lowercased().contains("\\u001b[31m\\n::error"))
    }
}
