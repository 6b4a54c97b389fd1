import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

final class PowerShellScriptWriterTests: XCTestCase {
    /// What is left of a script once every single-quoted literal is taken out (PowerShell's rules:
    /// ' and the typographic quotes U+2018-U+201B open and close a literal; doubled, they stand for one).
    static func codeOutsideLiterals(_ script: String) -> String {
        let quotes: Set<Character> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]
        var code = ""
        var inside = false
        var characters = Array(script)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inside {
                if quotes.contains(character) {
                    if index + 1 < characters.count, quotes.contains(characters[index + 1]) { index += 2; continue }
                    inside = false
                    code.append("'")
                }
            } else if quotes.contains(character) {
                inside = true
                code.append("'")
            } else {
                code.append(character)
            }
            index += 1
        }
        characters.removeAll()
        return code
    }

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
    ]

    func testHostileValuesAreInertInTheScript() throws {
        var actions: [PlanAction] = []
        for (index, value) in Self.hostile.enumerated() {
            let number = "+45331210" + String(format: "%02d", index)
            actions.append(PlanFixtures.action(.assign, number, target: value, upn: value, location: value, tags: [value]))
        }
        actions.append(PlanFixtures.action(.unassign, "+4533121099", target: "'; Remove-Item x; '"))
        let script = try PowerShellScriptWriter.script(for: PlanFixtures.plan(actions), checksum: "sha256:" + String(repeating: "d", count: 64))
        XCTAssertTrue(script.contains("$ErrorActionPreference = 'Stop'"))
        for value in Self.hostile {
            XCTAssertTrue(script.contains(PowerShellQuoting.literal(value)), value)
        }
        let code = Self.codeOutsideLiterals(script)
        for payload in ["Remove-Item", "Invoke-Expression", "Stop-Computer", "SECRET", "`", "Get-Date", "evil", "redirect", "@{", "fullwidth"] {
            XCTAssertFalse(code.contains(payload), "\(payload) is outside a literal:\n\(code)")
        }
        // Every line outside literals is one of the script's own statements.
        for line in code.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            let allowed = ["Set-StrictMode", "$ErrorActionPreference", "$total", "Write-Host", "$current", "if ("]
            XCTAssertTrue(allowed.contains { line.hasPrefix($0) }, String(line))
        }
        // Each step is checked first, so a rerun skips what is done.
        XCTAssertEqual(script.components(separatedBy: "Get-CsPhoneNumberAssignment").count - 1,
                       script.components(separatedBy: "# step ").count - 1)
        XCTAssertTrue(script.contains("Set-CsPhoneNumberTag"))
        XCTAssertTrue(script.contains("Remove-CsPhoneNumberAssignment -Identity '''; Remove-Item x; '''"))
    }

    func testControlCharactersAreRefused() {
        for value in ["a\nb", "a\rb", "a\u{0}b", "a\u{2028}b", "a\u{85}b", "tab\there", "esc\u{1B}[2J"] {
            let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: value)])
            XCTAssertThrowsError(try PowerShellScriptWriter.script(for: plan, checksum: "sha256:00")) { error in
                XCTAssertTrue("\(error)".contains("control character"), "\(error)")
            }
        }
    }

    func testStepsAndCmdlets() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: "old-id", tags: ["old"])
        let plan = PlanFixtures.plan([
            PlanFixtures.action(.update, "+4533121001", location: "loc-1", tags: ["new"], before: before, changes: ["location_id", "tags"]),
        ])
        let script = try PowerShellScriptWriter.script(for: plan, checksum: "sha256:00")
        XCTAssertTrue(script.contains("Set-CsPhoneNumberAssignment -Identity '00000000-0000-4000-8000-000000000001' -PhoneNumber '+4533121001' -PhoneNumberType 'OperatorConnect' -LocationId 'loc-1' -AssignmentCategory 'Primary'"), script)
        XCTAssertTrue(script.contains("Set-CsPhoneNumberTag -PhoneNumber '+4533121001' -Tag 'new'"), script)
        XCTAssertTrue(script.contains("Remove-CsPhoneNumberTag -PhoneNumber '+4533121001' -Tag 'old'"), script)
    }
}
