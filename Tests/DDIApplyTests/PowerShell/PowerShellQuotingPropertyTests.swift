import DDIKit
import DDIPlan
import Foundation
import PropertyBased
import Testing
@testable import DDIApply

/// No generated value leaves its PowerShell string literal, read by a tokenizer that follows
/// PowerShell's own rules (`PowerShellTokenizer`). The seed of a failing run is printed by
/// PropertyBased (`.fixedSeed("…")` reproduces it).
struct PowerShellQuotingPropertyTests {
    /// What hostile values are made of: every quote PowerShell knows, subexpressions, escapes,
    /// comments, here-strings, line breaks, combining marks, format characters and plain text.
    static let pieces: [String] = [
        "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "''", "\"", "\u{201C}", "\u{201D}", "\u{201E}",
        "$(", ")", "$(Start-Process calc)", "`", "`'", "`n", "\n", "\r", "\r\n", ";", "|", "&", "#", "<#", "#>",
        "@'", "'@", "@\"", "{", "}", "$env:SECRET", "${x}", "-", "\u{2013}", "\u{2014}",
        "\u{301}", "\u{20DD}", "\u{FE0F}", "\u{93F}", "\u{600}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2060}",
        "\u{2064}", "\u{FEFF}", "\u{0}", "\u{1B}", "\u{85}", "\u{2028}", "\u{2029}", "\u{E000}", "\u{10FFFF}",
        "a", "Z", "7", " ", "\u{A0}", "é", "Ñ", "\u{1F600}", "\u{1F469}\u{200D}\u{1F4BB}",
    ]

    /// Half the codes pick a piece, the other half a random scalar of the first two planes.
    static let hostile = Gen.int(in: 0...0x3FFFF).array(of: 0...24).map { codes -> String in
        var text = String.UnicodeScalarView()
        for code in codes {
            if code % 2 == 0 {
                text.append(contentsOf: pieces[(code / 2) % pieces.count].unicodeScalars)
            } else if let scalar = Unicode.Scalar(UInt32(code / 2)) {
                text.append(scalar)
            }
        }
        return String(text)
    }

    @Test func everyLiteralIsOneStringTokenHoldingTheValue() async {
        await propertyCheck(count: 3000, input: Self.hostile) { value in
            let tokens = PowerShellTokenizer(PowerShellQuoting.literal(value))
            #expect(tokens.tokens == [.literal(value)], "\(value.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(!tokens.unterminated)
        }
    }

    final class Tally: @unchecked Sendable {
        var written = 0
        var refused = 0
    }

    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"
    static let holder = "00000000-0000-4000-8000-00000000000a"

    /// A plan that puts `display` in every name and `tag` in a tag step.
    static func plan(display: String, tag: String) -> Plan {
        let before = AssignmentState(status: "user-assigned", assignedTo: display, objectID: holder)
        return PlanFixtures.plan([
            PlanFixtures.action(.assign, "+4533121001", upn: display, location: location, tags: [tag]),
            PlanFixtures.action(.reassign, "+4533121002", upn: display, before: before),
            PlanFixtures.action(.unassign, "+4533121003", target: holder, upn: display, before: before),
        ])
    }

    /// The value without what ddi refuses in names, so that most generated scripts are written.
    static func printable(_ value: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate,
                 .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// A whole script is either refused, or parses to exactly the code and comments of the same
    /// script made from plain values: the only text outside literals is ddi's own.
    @Test func aScriptIsRefusedOrItsCodeIsDdisOwn() async throws {
        let plain = try PowerShellScriptWriter.script(for: Self.plan(display: "plain@contoso.com", tag: "plain"), checksum: "sha256:00")
        let skeleton = Array(PowerShellTokenizer(plain).skeleton.utf16)
        let tally = Tally()
        await propertyCheck(count: 600, input: Self.hostile, Self.hostile) { display, tag in
            for (name, tagText) in [(display, tag), (Self.printable(display), tag), (Self.printable(display), "plain")] {
                let script: String
                do {
                    script = try PowerShellScriptWriter.script(for: Self.plan(display: name, tag: tagText), checksum: "sha256:00")
                } catch {
                    tally.refused += 1
                    continue
                }
                tally.written += 1
                let tokens = PowerShellTokenizer(script)
                #expect(!tokens.unterminated)
                #expect(Array(tokens.skeleton.utf16) == skeleton, "\(name.debugDescription) / \(tagText.debugDescription)")
            }
        }
        #expect(tally.written > 100 && tally.refused > 100, "written \(tally.written), refused \(tally.refused)")
    }
}
