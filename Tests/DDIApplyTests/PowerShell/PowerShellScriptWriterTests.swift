import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

final class PowerShellScriptWriterTests: XCTestCase {
    static let checksum = "sha256:" + String(repeating: "d", count: 64)
    static let payload = "vip\u{600}'+$(Start-Process calc)+'\u{301}"
    static let holderA = "00000000-0000-4000-8000-00000000000a"
    static let holderB = "00000000-0000-4000-8000-00000000000b"
    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"

    static let hostile = [
        "x'; Remove-Item -Recurse C:\\ ; '",
        "$(Invoke-Expression 'evil')",
        "`$env:SECRET`",
        "a\u{2019}; Stop-Computer; \u{2018}",
        "a\u{201B}\u{201A}b'c",
        "semi;colon|pipe&amp>redirect",
        "\u{FF07}fullwidth\u{FF04}(Get-Date)",
        "\"double $(quoted)\"",
        "@{a=1}",
        "#comment",
        "<#block#>",
    ]

    func refusal(_ plan: Plan, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
            XCTFail("the script was written:\n\(script)", file: file, line: line)
            return ""
        } catch {
            return error.message
        }
    }

    /// A script's code and comments, literals taken out, with the values it was made of swapped
    /// for plain ones: equal skeletons mean no value changed what PowerShell parses.
    static func assertInert(_ script: String, _ plain: String, file: StaticString = #filePath, line: UInt = #line) {
        let tokens = PowerShellTokenizer(script), plainTokens = PowerShellTokenizer(plain)
        XCTAssertFalse(tokens.unterminated, file: file, line: line)
        XCTAssertEqual(tokens.skeleton, plainTokens.skeleton, file: file, line: line)
    }

    // MARK: the reported injections

    func testTagWithAQuoteInsideAGraphemeClusterIsRefused() {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", tags: [Self.payload])])
        let message = refusal(plan)
        XCTAssertTrue(message.contains("+4533121042"), message)
        XCTAssertTrue(message.contains("tag"), message)
        XCTAssertFalse(message.contains("\u{600}"), "the value is escaped: \(message)")
    }

    func testLocationIDWithAQuoteInsideAGraphemeClusterIsRefused() {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", location: Self.payload)])
        let message = refusal(plan)
        XCTAssertTrue(message.contains("+4533121042") && message.contains("location id"), message)
    }

    /// The object id comes from `Identity` in a `live/` directory export: a pull request touching
    /// only `live/users.json` controls it.
    func testObjectIDFromTheDirectoryExportIsRefusedUnlessAGUID() {
        let assign = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", target: Self.payload)])
        XCTAssertTrue(refusal(assign).contains("object id"), refusal(assign))
        let before = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: "\(Self.holderA)'\u{301};calc;'")
        let reassign = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: before)])
        XCTAssertTrue(refusal(reassign).contains("object id"), refusal(reassign))
    }

    func testFormatAndControlCharactersAndCombiningMarksNextToQuotesAreRefused() {
        for value in ["a\u{600}b", "a\u{200B}b", "a\u{202E}b", "a\u{2060}b", "a\u{FEFF}b", "O'\u{301}Brien", "O\u{301}'Brien", "a\nb", "esc\u{1B}[2J"] {
            let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: value)])
            let message = refusal(plan)
            XCTAssertTrue(message.contains("+4533121042"), message)
            XCTAssertFalse(message.contains(value), "the value is escaped: \(message)")
        }
        // A combining mark away from any quote is ordinary text in a name.
        let accented = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: "Rene\u{301}e O'Brien")])
        XCTAssertNoThrow(try PowerShellScriptWriter.script(for: accented, checksum: Self.checksum))
    }

    func testControlCharactersAreRefused() {
        for value in ["a\nb", "a\rb", "a\u{0}b", "a\u{2028}b", "a\u{85}b", "tab\there", "esc\u{1B}[2J"] {
            let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: value)])
            XCTAssertTrue(refusal(plan).contains("control character"), refusal(plan))
        }
    }

    func testNumbersMustBeE164() {
        for number in ["+4533121042'", "4533121042", "+45 33121042", "+4533121042;ext=1'2", "+"] {
            let plan = PlanFixtures.plan([PlanFixtures.action(.assign, number)])
            XCTAssertTrue(refusal(plan).contains("number"), refusal(plan))
        }
        let extended = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042;ext=123")])
        XCTAssertNoThrow(try PowerShellScriptWriter.script(for: extended, checksum: Self.checksum))
    }

    // MARK: values that are written stay inside their literals

    func testHostileDisplayValuesAreInertInTheScript() throws {
        func plan(_ values: [String]) -> Plan {
            var actions: [PlanAction] = []
            for (index, value) in values.enumerated() {
                let number = "+45331210" + String(format: "%02d", index)
                actions.append(PlanFixtures.action(.assign, number, upn: value, location: Self.location, tags: ["team \(index)"]))
            }
            let before = AssignmentState(status: "user-assigned", assignedTo: "'; Remove-Item x; '", objectID: Self.holderA)
            actions.append(PlanFixtures.action(.reassign, "+4533121098", upn: "$(calc)", before: before))
            actions.append(PlanFixtures.action(.unassign, "+4533121099", target: Self.holderB, upn: "'; Remove-Item y; '"))
            return PlanFixtures.plan(actions)
        }
        let script = try PowerShellScriptWriter.script(for: plan(Self.hostile), checksum: Self.checksum)
        let plain = try PowerShellScriptWriter.script(for: plan(Self.hostile.indices.map { "user\($0)" }), checksum: Self.checksum)
        XCTAssertTrue(script.contains("$ErrorActionPreference = 'Stop'"))
        for value in Self.hostile {
            XCTAssertTrue(PowerShellTokenizer(script).literals.contains { $0.contains(value) }, value)
        }
        let code = PowerShellTokenizer(script).skeleton
        // The hashtable of `#Requires -Modules @{ ... }` is ddi's own: look for the payload's.
        for payload in ["Remove-Item", "Invoke-Expression", "Stop-Computer", "SECRET", "`", "Get-Date", "evil", "redirect", "@{a=1", "fullwidth", "calc"] {
            XCTAssertFalse(code.contains(payload), "\(payload) is outside a literal:\n\(code)")
        }
        Self.assertInert(script, plain)
        // Each step is checked first, so a rerun skips what is done.
        XCTAssertEqual(script.components(separatedBy: "$current = Get-CsPhoneNumberAssignment").count - 1,
                       script.components(separatedBy: "# step ").count - 1)
        XCTAssertTrue(script.contains("Set-CsPhoneNumberTag"))
    }

    /// Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page, where
    /// the UTF-8 bytes of `Ñ` (C3 91) read as `Ã‘`: a quote PowerShell would end the literal at.
    func testTheScriptStartsWithAByteOrderMark() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: "Ñ@contoso.com")])
        let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
        XCTAssertEqual(Array(script.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testStepsAndCmdlets() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: PlanFixtures.target, tags: ["old"])
        let plan = PlanFixtures.plan([
            PlanFixtures.action(.update, "+4533121001", location: Self.location, tags: ["new"], before: before, changes: [.locationID, .tags]),
        ])
        let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
        // A location-only change is the LocationUpdate parameter set: no -Identity, no category.
        XCTAssertTrue(script.contains("Set-CsPhoneNumberAssignment -TelephoneNumber '+4533121001' -LocationId '\(Self.location)' }"), script)
        XCTAssertFalse(script.contains("-Identity '00000000-0000-4000-8000-000000000001'"), script)
        XCTAssertTrue(script.contains("Set-CsPhoneNumberTag -PhoneNumber '+4533121001' -Tag 'new'"), script)
        XCTAssertTrue(script.contains("Remove-CsPhoneNumberTag -PhoneNumber '+4533121001' -Tag 'old'"), script)
    }
    // MARK: each step checks the holder it expects

    /// The guard and the command of each step, in script order.
    static func stepLines(_ script: String) -> [(guard: String, command: String)] {
        let lines = script.split(separator: "\n").map(String.init)
        return lines.indices.compactMap { index in
            guard lines[index].hasPrefix("if (-not ("), index + 1 < lines.count else { return nil }
            return (lines[index], lines[index + 1])
        }
    }

    func testAReassignChecksThePreviousHolderBeforeItUnassigns() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "a@contoso.com", objectID: Self.holderA)
        let plan = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: before)])
        let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
        let steps = Self.stepLines(script)
        XCTAssertEqual(steps.count, 2, script)
        let target = PlanFixtures.target
        XCTAssertTrue(steps[0].guard.hasPrefix("if (-not ($holder -eq 'unassigned' -or $holder -eq '\(Self.holderA)' -or $holder -eq '\(target)')) { throw ('ddi: +4533121042: expected it held by a@contoso.com (\(Self.holderA)), or already unassigned or held by anna@contoso.com (\(target)), found ' + $holder"), steps[0].guard)
        XCTAssertTrue(steps[0].guard.hasSuffix(" + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }"), steps[0].guard)
        XCTAssertEqual(steps[0].command, "if ($holder -eq 'unassigned' -or $holder -eq '\(target)') { Write-Host '  already done' } else { Remove-CsPhoneNumberAssignment -Identity '\(Self.holderA)' -TelephoneNumber '+4533121042' -NumberType 'OperatorConnect' }")
        XCTAssertTrue(steps[1].guard.hasPrefix("if (-not ($holder -eq 'unassigned' -or $holder -eq '\(target)')) { throw ("), steps[1].guard)
        XCTAssertEqual(steps[1].command, "if ($holder -eq '\(target)' -and [string]$current.AssignmentCategory -eq 'Primary') { Write-Host '  already done' } else { Set-CsPhoneNumberAssignment -Identity '\(target)' -TelephoneNumber '+4533121042' -NumberType 'OperatorConnect' -AssignmentCategory 'Primary' }")
        XCTAssertEqual(script.components(separatedBy: "$holder = Get-DdiHolder $current").count - 1, 2)
        XCTAssertTrue(script.contains("$ErrorActionPreference = 'Stop'"), "a throw ends the script")
    }

    func testAnUnassignExpectsTheDeclaredPreviousHolder() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "a@contoso.com", objectID: Self.holderA)
        let plan = PlanFixtures.plan([PlanFixtures.action(.unassign, "+4533121042", target: Self.holderA, before: before)])
        let steps = Self.stepLines(try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum))
        XCTAssertEqual(steps.count, 1)
        XCTAssertTrue(steps[0].guard.hasPrefix("if (-not ($holder -eq 'unassigned' -or $holder -eq '\(Self.holderA)')) { throw ("), steps[0].guard)
        XCTAssertTrue(steps[0].command.hasPrefix("if ($holder -eq 'unassigned') { Write-Host '  already done' } else { Remove-CsPhoneNumberAssignment -Identity '\(Self.holderA)'"), steps[0].command)
    }

    func testUpdatesAndTagStepsExpectTheTarget() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "anna@contoso.com", objectID: PlanFixtures.target, tags: ["old"])
        let plan = PlanFixtures.plan([PlanFixtures.action(.update, "+4533121042", location: Self.location, tags: ["new"], before: before,
                                                          changes: [.locationID, .tags])])
        let steps = Self.stepLines(try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum))
        XCTAssertEqual(steps.count, 3)
        for step in steps {
            XCTAssertTrue(step.guard.hasPrefix("if (-not ($holder -eq '\(PlanFixtures.target)')) { throw ('ddi: +4533121042: expected it held by anna@contoso.com (\(PlanFixtures.target)), found ' + $holder"), step.guard)
        }
        XCTAssertEqual(steps[1].command, "if (@($current.Tag) -contains 'new') { Write-Host '  already done' } else { Set-CsPhoneNumberTag -PhoneNumber '+4533121042' -Tag 'new' }")
        XCTAssertEqual(steps[2].command, "if (@($current.Tag) -notcontains 'old') { Write-Host '  already done' } else { Remove-CsPhoneNumberTag -PhoneNumber '+4533121042' -Tag 'old' }")
    }
}

private extension Error {
    var message: String { (self as? ApplyRefusal)?.message ?? "\(self)" }
}
