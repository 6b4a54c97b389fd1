import DDIKit
import XCTest
@testable import DDIEdit

/// The edits change only the lines they must; everything else stays byte for byte.
final class MinimalEditTests: XCTestCase {
    static let ranges = """
    # Ranges of the test inventory
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect   # TDC
        country: DK
        cost: { per_number_month: 3.00, currency: DKK }

    """

    static let mixed = """
    # Numbers: comments, odd key order, quoting styles, flow and block entries.
    numbers:
      # the switchboard
      - status: assigned          # status first on purpose
        number: '+4533121000'
        kind: auto-attendant
        assigned_to: aa-main@contoso.com   # resource account
        owner: Front Office
        tags:
          - switchboard
          - letterhead
        reviewed: "2026-09-14"

      - {number: "+4533121001", status: free, note: "flow style, kept as is"}
      - block: +4533121002..+4533121009
        status: free     # spare block
        note: left over from the 2024 move

      - number: "+4533121042"
        status: assigned
        kind: user
        assigned_to: anna.jensen@contoso.com
        owner: anna.jensen@contoso.com
        department: Sales
        reviewed: 2026-10-02
        note: Key account manager
    # trailing comment
    """

    func workspace(_ numbers: String = mixed) -> EditWorkspace {
        EditFixtures.workspace(["ranges.yaml": Self.ranges, "numbers.yaml": numbers])
    }

    func testAllocateTakesTheFlowEntryThenSplitsTheFreeBlock() throws {
        let result = try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", count: 3, assignedTo: "new.hire@contoso.com", kind: .user,
                                                              owner: "new.hire@contoso.com", department: "Sales", category: .private), in: workspace())
        XCTAssertEqual(result.numbers, ["+4533121001", "+4533121002", "+4533121003"])
        try EditFixtures.assertGolden(EditFixtures.text(result, "numbers.yaml") ?? "", "allocate-mixed.yaml")
    }

    func testReservingInsideAFreeBlockSplitsItInTwo() throws {
        let ws = workspace()
        let result = try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121005..+4533121006"),
                                                              until: Day(iso: "2027-01-31") ?? EditFixtures.today, reason: "team: new starters",
                                                              owner: "hr@contoso.com", file: "numbers.yaml"), in: ws)
        try EditFixtures.assertGolden(EditFixtures.text(result, "numbers.yaml") ?? "", "reserve-splits-block.yaml")
        let single = try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121002..+4533121008"),
                                                              until: Day(iso: "2027-01-31") ?? EditFixtures.today, reason: "leaves one"), in: ws)
        let text = try XCTUnwrap(EditFixtures.text(single, "numbers.yaml"))
        XCTAssertTrue(text.contains("  - number: \"+4533121009\"\n    status: free     # spare block\n"), text)
    }

    func testReleaseKeepsCommentsOrderAndStyle() throws {
        let result = try Lifecycle.release([try Lifecycle.parseNumber("+4533121000")], in: workspace())
        try EditFixtures.assertGolden(EditFixtures.text(result, "numbers.yaml") ?? "", "release-mixed.yaml")
    }

    func testReviewEditsOnlyTheDateAndKeepsItsQuotes() throws {
        let result = try Lifecycle.review([try Lifecycle.parseNumber("+4533121000"), try Lifecycle.parseNumber("+4533121042")], in: workspace())
        let diff = EditFixtures.diff(result)
        try EditFixtures.assertGolden(diff, "review-mixed.diff")
        XCTAssertTrue(diff.contains("+    reviewed: \"2026-11-27\""), diff)
    }

    func testCRLFFilesStayCRLF() throws {
        let crlf = Self.mixed.replacingOccurrences(of: "\n", with: "\r\n")
        let ws = workspace(crlf)
        let released = try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: ws)
        let text = try XCTUnwrap(EditFixtures.text(released, "numbers.yaml"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF crept in")
        XCTAssertEqual(text.replacingOccurrences(of: "\r\n", with: "\n"),
                       try XCTUnwrap(EditFixtures.text(try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: workspace()), "numbers.yaml")))
        let allocated = try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "x.y@contoso.com", kind: .user, owner: "x.y@contoso.com"), in: ws)
        let allocatedText = try XCTUnwrap(EditFixtures.text(allocated, "numbers.yaml"))
        XCTAssertFalse(allocatedText.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        try EditFixtures.assertGolden(allocatedText, "allocate-crlf.yaml")
    }

    func testFileWithoutNumbersGetsASection() throws {
        let ws = EditFixtures.workspace(["ranges.yaml": Self.ranges])
        let result = try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "x.y@contoso.com", kind: .user, owner: "x.y@contoso.com"), in: ws)
        try EditFixtures.assertGolden(EditFixtures.text(result, "ranges.yaml") ?? "", "allocate-new-section.yaml")
    }

    func testHostileTextIsQuotedSoItReadsBackExactly() throws {
        let hostile = "a: b # c\n\"quoted\" 'x' \\ \u{7}end"
        let result = try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121500"), until: Day(iso: "2027-01-31") ?? EditFixtures.today, reason: hostile), in: workspace())
        let text = try XCTUnwrap(EditFixtures.text(result, "ranges.yaml"))
        let reloaded = InventoryLoader.load(config: nil, files: [InventorySourceFile(path: "ranges.yaml", text: text)])
        XCTAssertEqual(reloaded.inventory.numbers.last?.reason?.value, hostile)
    }

    func testUntouchedBytesSurvive() throws {
        let result = try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: workspace())
        let text = try XCTUnwrap(EditFixtures.text(result, "numbers.yaml"))
        let prefix = Self.mixed.components(separatedBy: "  - number: \"+4533121042\"")[0]
        XCTAssertTrue(text.hasPrefix(prefix))
        XCTAssertTrue(text.hasSuffix("# trailing comment"))
    }

    func testFlowEntriesAreEditedInPlace() throws {
        let numbers = """
        numbers:
          - {number: "+4533121042", status: assigned, kind: user, assigned_to: anna.jensen@contoso.com, owner: Sales, reviewed: 2026-10-02}
          - {number: "+4533121043", status: assigned, kind: user, assigned_to: bo@contoso.com, owner: bo@contoso.com, reviewed: 2026-10-02}
        """
        let ws = workspace(numbers)
        let released = try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: ws)
        let reviewed = try Lifecycle.review([try Lifecycle.parseNumber("+4533121043")], in: ws)
        let allocated = try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "x.y@contoso.com", kind: .user, owner: "x.y@contoso.com"), in: ws)
        try EditFixtures.assertGolden(
            [released, reviewed, allocated].map { EditFixtures.text($0, "numbers.yaml") ?? "" }.joined(separator: "\n---\n"),
            "flow-entries.yaml"
        )
    }
}
