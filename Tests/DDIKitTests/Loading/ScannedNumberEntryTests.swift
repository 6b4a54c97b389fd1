import Foundation
import XCTest
@testable import DDIKit

/// The number entries' shortcut (`ScannedNumberEntry`) against the event way it replaces for
/// ordinary entries: the same decoded files, diagnostics and validation reports everywhere, and
/// the shortcut refusing every entry that has something to report.
final class ScannedNumberEntryTests: XCTestCase {
    /// A decoded file and its diagnostics, dumped field by field, and how many entries took the shortcut.
    private func decoded(_ bytes: [UInt8], path: String, _ choice: YAMLReaderChoice) -> (text: String, shortcuts: Int) {
        var decoder = InventoryFileDecoder()
        let file = decoder.decode(bytes: bytes, path: path, reader: choice)
        var text = ""
        dump(file, to: &text)
        dump(decoder.reader.diagnostics, to: &text)
        return (text, decoder.shortcutEntries)
    }

    @discardableResult
    private func assertAlike(_ bytes: [UInt8], path: String, _ name: String, line: UInt = #line) -> Int {
        let shortcut = decoded(bytes, path: path, .fastWhenPossible)
        let eventWay = decoded(bytes, path: path, .fastWithoutEntryShortcut)
        XCTAssertEqual(eventWay.shortcuts, 0, name, line: line)
        if shortcut.text != eventWay.text {
            XCTFail("\(name): decoded files differ:\n\(shortcut.text.prefix(3_000))\n---\n\(eventWay.text.prefix(3_000))", line: line)
        }
        return shortcut.shortcuts
    }

    func testTheSlotsHoldEveryKey() {
        XCTAssertEqual(InventoryFileDecoder.NumberKey.allCases.count, 18, "ScannedEntryReader's inline slots are sized for eighteen keys")
    }

    func testExamplesAndFixturesDecodeAlike() throws {
        var shortcuts = 0
        let corpus = try ReaderComparison.yamlFiles(under: "examples") + ReaderComparison.yamlFiles(under: "Tests/Fixtures")
            + ReaderComparison.yamlFiles(under: "Tests/DDIPlanTests/Fixtures") + ReaderComparison.yamlFiles(under: "Tests/DDIEditTests/Golden")
        for file in corpus { shortcuts += assertAlike(file.bytes, path: file.path, file.path) }
        XCTAssertGreaterThan(shortcuts, 100, "the shortcut was hardly taken on the examples")
    }

    func testDamagedCopiesDecodeAlike() throws {
        let originals = try ReaderComparison.yamlFiles(under: "examples/contoso") + ReaderComparison.yamlFiles(under: "examples/fabrikam")
        for copy in try ReaderComparison.damagedCopies(of: originals, count: 600, seed: 0xFA57) {
            assertAlike(copy.bytes, path: copy.path, copy.label)
        }
    }

    func testGeneratedInventoriesDecodeAlike() {
        var shortcuts = 0
        for seed: UInt64 in [1, 2, 3, 20261127] {
            var generator = InventoryTextGenerator(seed: seed)
            for fileIndex in 0..<3 {
                let text = generator.file(entries: 150, fileIndex: fileIndex)
                shortcuts += assertAlike(Array(text.utf8), path: "gen-\(seed)-\(fileIndex).yaml", "seed \(seed) file \(fileIndex)")
            }
        }
        // Many generated entries are deliberately wrong (a UPN on a shared-calling number): both ways are exercised.
        XCTAssertGreaterThan(shortcuts, 300)
        XCTAssertLessThan(shortcuts, 12 * 150)
    }

    func testInventoriesValidateAlike() throws {
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        for copy in try ReaderComparison.damagedExamples(seed: 0x5CA7) {
            let shortcut = InventoryLoader.load(config: copy.config, files: copy.files, reader: .fastWhenPossible)
            let eventWay = InventoryLoader.load(config: copy.config, files: copy.files, reader: .fastWithoutEntryShortcut)
            XCTAssertEqual(shortcut.diagnostics, eventWay.diagnostics, copy.label)
            XCTAssertEqual(Validator.validate(shortcut, today: today).diagnostics, Validator.validate(eventWay, today: today).diagnostics, copy.label)
        }
    }

    /// Each of these entries has something to report, or a shape the shortcut leaves alone: the
    /// shortcut must refuse it (and the event way then reports exactly what it always did).
    func testEntriesWithSomethingToReportTakeTheEventWay() {
        let good = "  - number: \"+4533121000\"\n    status: assigned\n    kind: user\n    assigned_to: anna@contoso.com\n    owner: anna@contoso.com\n"
        let refused: [String] = [
            "  - number: \"+4533121000\"\n    stauts: free\n",
            "  - number: \"+4533121000\"\n    status: free\n    status: free\n",
            "  - number: \"+4533121000\"\n",
            "  - number: \"+4533121000\"\n    status: ~\n",
            "  - number: \"+4533121000\"\n    status: gone\n",
            "  - number: \"+4533121000\"\n    block: \"+4533121000..+4533121009\"\n    status: free\n",
            "  - block: \"+4533121000..+4533121009\"\n    status: assigned\n",
            "  - status: free\n",
            "  - number: ~\n    status: free\n",
            "  - number: [\"+4533121000\"]\n    status: free\n",
            "  - number: \"+4533121000\"\n    status: free\n    kind: robot\n",
            "  - number: \"+4533121000\"\n    status: assigned\n    kind: user\n    assigned_to: not a upn\n",
            "  - number: \"+4533121000\"\n    status: assigned\n    kind: shared-calling\n    assigned_to: anna@contoso.com\n",
            "  - number: \"+4533121000\"\n    status: free\n    category: secondary\n",
            "  - number: \"+4533121000\"\n    status: free\n    reviewed: 2026-02-30\n",
            "  - number: \"+4533121000\"\n    status: quarantine\n    since: yesterday\n",
            "  - number: \"+4533121000\"\n    status: free\n    handover: maybe\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: vip\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: [" + (0...50).map { "t\($0)" }.joined(separator: ", ") + "]\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: [\(String(repeating: "é", count: 51))]\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags:\n      - a: b\n",
            "  - number: \"+4533121000\"\n    status: free\n    note: {a: b}\n",
            "  - number: \"+4533121000\"\n    \"sta\\u0074us\": free\n",
        ]
        for (index, entry) in refused.enumerated() {
            let text = "numbers:\n" + good + entry + good.replacingOccurrences(of: "1000", with: "1001")
            let shortcuts = assertAlike(Array(text.utf8), path: "f.yaml", "refused entry \(index)")
            XCTAssertEqual(shortcuts, 2, "entry \(index) must take the event way, its neighbours the shortcut")
        }
    }

    /// Entries the shortcut takes, in every spelling the scanner reads: the same model as the event way.
    func testOrdinaryEntriesTakeTheShortcut() {
        let accepted: [String] = [
            "  - number: +4533121000\n    status: free\n",
            "  - number: '+4533121000'\n    status: 'reserved'\n    until: 2026-09-30\n    reason: \"caf\\u00e9 opening\"\n",
            "  - number: \"+4533121000;ext=12\"\n    status: assigned\n    kind: shared-calling\n    assigned_to: TeamsSharedCallingRoutingPolicy|Tag:SC1\n",
            "  - block: \"+4533121000..+4533121009\"\n    status: reserved\n    until: 2026-09-30\n    reason: x\n    note:\n    department: ~\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: []\n    handover: TRUE\n    category: private\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: [a, 'b c', \"d\\te\", ~, null]\n    location_id: x\n    license: y\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags:\n      - one\n      - two\n    routing: aa-main\n",
            "  - number: \"4533121000\"\n    status: free\n",
            "  - number: \"+45331210001234567\"\n    status: retired\n",
            "  - number: \"+4533121000\"\n    status: free\n    tags: [\(String(repeating: "é", count: 50))]\n",
        ]
        for (index, entry) in accepted.enumerated() {
            let text = "numbers:\n" + entry
            XCTAssertEqual(assertAlike(Array(text.utf8), path: "f.yaml", "accepted entry \(index)"), 1, "entry \(index) must take the shortcut")
        }
    }

    /// The node budget: an entry that would cross it is left to the builder, which refuses the file at
    /// the node that crosses it, exactly as before.
    func testTheNodeBudgetIsCountedAndStillRefusedAtTheSameNode() {
        let text = "numbers:\n" + (0..<10).map { "  - number: \"+45331210\(10 + $0)\"\n    status: free\n" }.joined()
        let bytes = Array(text.utf8)
        var refusals = 0
        for budget in [1, 20, 39, 40, 41, 42, 100] {
            var outcomes: [String] = []
            for choice in [YAMLReaderChoice.fastWhenPossible, .fastWithoutEntryShortcut] {
                var decoder = InventoryFileDecoder()
                decoder.maximumNodes = budget
                var outcome = ""
                dump(decoder.decode(bytes: bytes, path: "f.yaml", reader: choice), to: &outcome)
                dump(decoder.reader.diagnostics, to: &outcome)
                if decoder.reader.diagnostics.contains(where: { $0.message.contains("more than \(budget) YAML nodes") }) { refusals += 1 }
                outcomes.append(outcome)
            }
            XCTAssertEqual(outcomes[0], outcomes[1], "budget \(budget)")
        }
        XCTAssertEqual(refusals, 2 * 4, "budgets below the file's 41 nodes refuse it, both ways")
    }
}
