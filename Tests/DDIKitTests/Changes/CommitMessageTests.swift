import XCTest
@testable import DDIKit

/// Generated commit messages: deterministic (golden files in Fixtures/commit-messages), subjects of at
/// most 72 characters, and no value that can start a line or a trailer of its own.
final class CommitMessageTests: XCTestCase {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/commit-messages")

    static let range = """
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect
        country: DK

    """

    func inventory(_ numbers: String, extra: String = "") -> Inventory {
        InventoryLoader.load(
            config: InventorySourceFile(path: Inventory.configFileName, text: "version: 1\n"),
            files: [InventorySourceFile(path: "r.yaml", text: Self.range + extra), InventorySourceFile(path: "n.yaml", text: "numbers:\n" + numbers)]
        ).inventory
    }

    func assigned(_ number: String, to identity: String, note: String? = nil, reviewed: String = "2026-10-02") -> String {
        var text = """
          - number: "\(number)"
            status: assigned
            kind: user
            assigned_to: \(identity)
            owner: \(identity)
            department: Sales
            reviewed: \(reviewed)

        """
        if let note { text += "    note: \(note)\n" }
        return text
    }

    func quarantined(_ number: String, since: String = "2026-11-10", note: String) -> String {
        "  - number: \"\(number)\"\n    status: quarantine\n    since: \(since)\n    note: \(note)\n"
    }

    func message(from old: Inventory, to new: Inventory, note: String? = nil) -> CommitMessage {
        CommitMessage(diff: InventoryDiff(from: old, to: new), after: new, note: note)
    }

    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DDI_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(actual, try String(contentsOf: url, encoding: .utf8), "differs from Fixtures/commit-messages/\(name) (DDI_UPDATE_GOLDEN=1 accepts)", file: file, line: line)
    }

    func testAssignmentSaysWhoGetsTheNumber() throws {
        let before = inventory("")
        let after = inventory(assigned("+4533121047", to: "ida.poulsen@contoso.com"))
        let built = message(from: before, to: after, note: "HR case 2026-0388")
        XCTAssertEqual(built.subject, "Assign +4533121047 to ida.poulsen@contoso.com")
        try assertGolden(built.text, "assign.txt")
    }

    func testReleasingEveryNumberOfOnePersonReadsAsOffboarding() throws {
        let before = inventory(assigned("+4533121047", to: "karen.lund@contoso.com") + assigned("+4533121048", to: "karen.lund@contoso.com") + assigned("+4533121049", to: "bo.dahl@contoso.com"))
        let after = inventory(quarantined("+4533121047", note: "released when karen.lund@contoso.com left")
            + quarantined("+4533121048", note: "released when karen.lund@contoso.com left") + assigned("+4533121049", to: "bo.dahl@contoso.com"))
        let built = message(from: before, to: after)
        XCTAssertEqual(built.subject, "Offboard karen.lund@contoso.com: 2 numbers to quarantine")
        try assertGolden(built.text, "offboard.txt")
    }

    func testReleasingOneOfSeveralNumbersIsARelease() {
        let before = inventory(assigned("+4533121047", to: "karen.lund@contoso.com") + assigned("+4533121048", to: "karen.lund@contoso.com"))
        let after = inventory(quarantined("+4533121047", note: "released") + assigned("+4533121048", to: "karen.lund@contoso.com"))
        XCTAssertEqual(message(from: before, to: after).subject, "Release +4533121047 from karen.lund@contoso.com to quarantine")
    }

    func testManyChangesAreCountedPerKind() throws {
        let before = inventory(assigned("+4533121010", to: "a@contoso.com", reviewed: "2025-10-01") + assigned("+4533121011", to: "b@contoso.com", reviewed: "2025-10-01")
            + assigned("+4533121012", to: "c@contoso.com"))
        let numbers = assigned("+4533121010", to: "a@contoso.com") + assigned("+4533121011", to: "b@contoso.com")
            + quarantined("+4533121012", note: "released when c@contoso.com left") + assigned("+4533121013", to: "c@contoso.com")
            + "  - block: +4533121100..+4533121149\n    status: reserved\n    until: 2027-03-31\n    reason: Aarhus office opening\n"
        XCTAssertEqual(message(from: before, to: inventory(numbers)).subject, "Change 5 numbers: 1 assigned, 1 released, 1 reserved, 2 reviewed")
        // With a routing entry as well the counts no longer fit in 72 characters: a shorter wording.
        let after = inventory(numbers, extra: "routing:\n  - id: aa-main\n    type: auto-attendant\n    resource_account: aa-main@contoso.com\n")
        let built = message(from: before, to: after)
        XCTAssertEqual(built.subject, "Change 5 numbers; add routing entry aa-main")
        try assertGolden(built.text, "many.txt")
    }

    func testNotesAndIdentitiesCannotBreakTheFormat() throws {
        // YAML double-quoted strings can carry newlines and control characters.
        let hostile = "\"ok\\n\\nNumber: +4533129999\\nRouting: evil\\u001b[31m\""
        let before = inventory(assigned("+4533121047", to: "ida.poulsen@contoso.com"))
        let after = inventory(assigned("+4533121047", to: "ida.poulsen@contoso.com", note: hostile)
            .replacingOccurrences(of: "owner: ida.poulsen@contoso.com", with: "owner: \"Sales\\nRange: fake\""))
        let built = message(from: before, to: after, note: "why\n---\nNumber: +4533120000\u{1b}[2J")
        XCTAssertEqual(built.subject, "Change owner of +4533121047 to Sales\\nRange: fake")
        let lines = built.text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertFalse(lines.contains { $0.hasPrefix("Number: +4533129999") || $0.hasPrefix("Routing: evil") || $0.hasPrefix("Range: fake") })
        XCTAssertFalse(built.text.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertEqual(CommitTrailers(parsing: built.text), CommitTrailers(numbers: ["+4533121047"]))
        XCTAssertTrue(lines.allSatisfy { $0.count <= 72 }, built.text)
        try assertGolden(built.text, "hostile.txt")
    }

    func testLongValuesFallBackToAShorterSubject() {
        let identity = String(repeating: "very.long.name", count: 5) + "@contoso.com"
        let after = inventory(assigned("+4533121047", to: identity))
        let built = message(from: inventory(""), to: after)
        XCTAssertEqual(built.subject, "Assign +4533121047")
        let fold = CommitMessageText.fold(String(repeating: "x", count: 200))
        XCTAssertEqual(fold.map(\.count), [72, 72, 60])
        XCTAssertTrue(fold.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    }

    func testTheSameChangeGivesTheSameMessage() {
        let before = inventory(assigned("+4533121047", to: "karen.lund@contoso.com"))
        let after = inventory(quarantined("+4533121047", note: "released"))
        XCTAssertEqual(message(from: before, to: after).text, message(from: before, to: after).text)
    }

    func testTrailersAreReadFromTheLastParagraphOnly() {
        let text = "Subject\n\nNumber: +4533120001\n\nbody\n\nNumber: +4533121047\nrange: cph-hq\nSigned-off-by: A <a@b>\n"
        XCTAssertEqual(CommitTrailers(parsing: text), CommitTrailers(numbers: ["+4533121047"], ranges: ["cph-hq"]))
        XCTAssertEqual(CommitTrailers(parsing: "Number: +4533121047\n"), CommitTrailers())
        let required = CommitTrailers(numbers: ["+4533121047", "+4533121048"], routing: ["aa-main"])
        XCTAssertEqual(CommitTrailers(parsing: text).missing(from: required), CommitTrailers(numbers: ["+4533121048"], routing: ["aa-main"]))
    }
}
