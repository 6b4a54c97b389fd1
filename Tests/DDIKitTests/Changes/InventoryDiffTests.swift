import XCTest
@testable import DDIKit

final class InventoryDiffTests: XCTestCase {
    func inventory(_ files: [String: String]) -> Inventory {
        InventoryLoader.load(
            config: InventorySourceFile(path: Inventory.configFileName, text: "version: 1\n"),
            files: files.sorted { $0.key < $1.key }.map { InventorySourceFile(path: $0.key, text: $0.value) }
        ).inventory
    }

    let range = """
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect
        country: DK

    """

    func anna(_ extra: String = "", owner: String = "anna.jensen@contoso.com") -> String {
        """
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: \(owner)
            department: Sales
        \(extra)
        """
    }

    func testPlainWordsForTheLifecycle() {
        let empty = inventory(["r.yaml": range])
        let assigned = inventory(["r.yaml": range, "n.yaml": "numbers:\n" + anna()])
        XCTAssertEqual(InventoryDiff(from: empty, to: assigned).numbers.map(\.summary), ["free → assigned to anna.jensen@contoso.com (Sales)"])
        XCTAssertEqual(InventoryDiff(from: empty, to: assigned).numbers.first?.kinds, [.assigned])
        let released = inventory(["r.yaml": range, "n.yaml": "numbers:\n  - number: \"+4533121042\"\n    status: quarantine\n    since: 2026-11-02\n"])
        let change = InventoryDiff(from: assigned, to: released).numbers
        XCTAssertEqual(change.map(\.summary), ["assigned to anna.jensen@contoso.com (Sales) → quarantine since 2026-11-02"])
        XCTAssertEqual(change.first?.kinds, [.released])
        let owner = inventory(["r.yaml": range, "n.yaml": "numbers:\n" + anna(owner: "Sales")])
        XCTAssertEqual(InventoryDiff(from: assigned, to: owner).numbers.map(\.summary), ["owner anna.jensen@contoso.com → Sales"])
        let moved = inventory(["r.yaml": range, "m.yaml": "numbers:\n" + anna()])
        XCTAssertEqual(InventoryDiff(from: assigned, to: moved).numbers.map(\.summary), ["moved from n.yaml to m.yaml"])
        XCTAssertEqual(InventoryDiff(from: assigned, to: empty).numbers.map(\.summary), ["assigned to anna.jensen@contoso.com (Sales) → no longer declared (free)"])
        XCTAssertTrue(InventoryDiff(from: assigned, to: assigned).isEmpty)
    }

    func testBlockSplitRangesAndRouting() {
        let block = inventory(["r.yaml": range, "n.yaml": "numbers:\n  - block: +4533121100..+4533121149\n    status: reserved\n    until: 2027-03-31\n    reason: Legal\n"])
        let split = inventory([
            "r.yaml": range.replacingOccurrences(of: "country: DK", with: "country: DK\n    carrier: TDC"),
            "n.yaml": """
            numbers:
              - block: +4533121100..+4533121119
                status: reserved
                until: 2027-03-31
                reason: Legal
              - block: +4533121121..+4533121149
                status: reserved
                until: 2027-03-31
                reason: Legal
              - number: "+4533121120"
                status: assigned
                kind: user
                assigned_to: ole@contoso.com
                owner: ole@contoso.com
            routing:
              - id: aa-main
                type: auto-attendant
                resource_account: aa-main@contoso.com
            """,
        ])
        let diff = InventoryDiff(from: block, to: split)
        XCTAssertEqual(diff.numbers.map(\.subject), ["+4533121100..+4533121149", "+4533121120"])
        XCTAssertEqual(diff.numbers[0].kinds, [.blockSplit])
        XCTAssertEqual(diff.numbers[0].parts, ["+4533121100..+4533121119", "+4533121121..+4533121149", "+4533121120"])
        XCTAssertTrue(diff.numbers[1].summary.hasPrefix("reserved until 2027-03-31 (Legal) → assigned to ole@contoso.com"), diff.numbers[1].summary)
        XCTAssertEqual(diff.ranges.map(\.summary), ["carrier none → TDC"])
        XCTAssertEqual(diff.routing.map(\.summary), ["added (auto-attendant, aa-main@contoso.com)"])
        let markdown = InventoryDiffRenderer(baseLabel: "main", headLabel: "HEAD").markdown(diff)
        XCTAssertTrue(markdown.contains("#### Ranges"), markdown)
        XCTAssertEqual(InventoryDiffRenderer.cell("a|b\nc<script>"), "a\\|b\\nc&lt;script&gt;")
    }

    func testTimelineOfANumberInsideASplitBlock() throws {
        let number = try PhoneNumber.parse("+4533121130").get()
        let block = DeclaredEntry(path: "a.yaml", text: "+4533121100..+4533121149", span: try NumberSpan.parseBlock("+4533121100..+4533121149").get(), isBlock: true)
        var part = DeclaredEntry(path: "a.yaml", text: "+4533121120..+4533121149", span: try NumberSpan.parseBlock("+4533121120..+4533121149").get(), isBlock: true)
        XCTAssertEqual(NumberTimeline.change(of: number, before: block, after: part).summary, "block +4533121100..+4533121149 split: now declared by block +4533121120..+4533121149")
        part.path = "b.yaml"
        XCTAssertEqual(NumberTimeline.change(of: number, before: block, after: part).kinds, [.blockSplit, .moved])
    }
}
