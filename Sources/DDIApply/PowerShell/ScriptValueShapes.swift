import DDIKit
import DDIPlan
import Foundation

/// What a value must look like before ddi writes it into a PowerShell script (README "Security").
/// `PowerShellQuoting` already keeps any value inside its literal; these checks are the second
/// wall, and they keep text that reads differently from what PowerShell parses out of a script a
/// reviewer reads. Identifiers must have their exact shape; tags a conservative printable one;
/// names must be printable, with no format character anywhere and no combining mark on a quote.
enum ScriptValueShapes {
    /// Refuses the first value of `step` that does not have its shape, naming number and field.
    static func check(_ step: ApplyStep) throws(ApplyRefusal) {
        let guid = "is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hexadecimal)"
        try require(step, "number", step.number, isPhoneNumber, "is not a phone number (+digits, or +digits;ext=digits)")
        if step.targetKind == .conferenceBridge {
            // A bridge is named by its id (`-BridgeId <Guid>`) or, failing that, its name (`-BridgeName`).
            try require(step, "conference bridge", step.targetID, { isGUID($0) || isBridgeName($0) },
                        "is neither a GUID nor a bridge name ddi writes (1 to 64 characters, no quote)")
        } else if step.operation != .update {
            // A location update names no identity (`-TelephoneNumber -LocationId`): only its
            // expected holder reaches the script, checked below.
            try require(step, "object id", step.targetID, isGUID, guid)
        }
        if let holder = step.expectedHolderID {
            let isBridgeHolder = step.targetKind == .conferenceBridge && holder == step.targetID
            try require(step, "object id of the expected holder", holder, { isGUID($0) || (isBridgeHolder && isBridgeName($0)) }, guid)
        }
        if let next = step.nextHolderID { try require(step, "object id of the next holder", next, isGUID, guid) }
        if let location = step.locationID {
            try require(step, "location id", location, isGUID, guid)
        }
        if let tag = step.tag {
            try require(step, "tag", tag, isTag, "is outside the tag shape ddi writes (1 to 50 characters: letters with their accents, digits, single spaces between words, - _ . , & / + ( ) :)")
        }
        try require(step, "user principal name", step.targetDisplay, { _ in true }, "")
    }

    /// A conference bridge's name, as `-BridgeName` takes it: the page gives no shape, so ddi
    /// writes only printable names of at most 64 characters with no quote character at all.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/register-csonlinedialinconferencingservicenumber
    static func isBridgeName(_ value: String) -> Bool {
        (1...64).contains(value.count) && value.trimmingCharacters(in: .whitespaces) == value
            && !value.unicodeScalars.contains { PowerShellQuoting.singleQuotes.contains($0) || $0 == "\"" }
    }

    /// `+` and digits, optionally `;ext=` and digits: the E.164 form plans use.
    static func isPhoneNumber(_ value: String) -> Bool {
        let parts = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        guard let main = parts.first, main.hasPrefix("+"), main.count >= 2, main.utf8.dropFirst().allSatisfy(isDigit) else { return false }
        guard parts.count == 2 else { return true }
        let ext = parts[1]
        return ext.hasPrefix("ext=") && ext.count > 4 && ext.utf8.dropFirst(4).allSatisfy(isDigit)
    }

    /// 8-4-4-4-12 hexadecimal digits, any case: object ids and location ids in Teams.
    static func isGUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.utf8.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.utf8.allSatisfy { isDigit($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) } }
    }

    /// Microsoft documents tags as "up to 50 characters long, including spaces", "multiple words",
    /// "not case-sensitive", and no character set
    /// (https://learn.microsoft.com/en-us/powershell/module/microsoftteams/set-csphonenumbertag).
    /// ddi writes only a conservative shape: letters, combining marks that follow a letter, digits,
    /// single spaces between words and `- _ . , & / + ( ) :`; nothing PowerShell treats as a quote,
    /// a variable, an escape or a wildcard. 50 is counted in UTF-16 code units, as .NET counts.
    static func isTag(_ value: String) -> Bool {
        guard (1...50).contains(value.utf16.count), value.first != " ", value.last != " ", !value.contains("  ") else { return false }
        var previous: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            let properties = scalar.properties
            let allowed: Bool
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
                allowed = true
            case .nonspacingMark, .spacingMark, .enclosingMark:
                allowed = previous.map { $0.properties.isAlphabetic } ?? false
            default:
                allowed = " -_.,&/+():".unicodeScalars.contains(scalar)
            }
            guard allowed else { return false }
            previous = scalar
        }
        return true
    }

    /// Why `value` is not printable text for a script, or nil: a control, line-separating,
    /// format, private-use or unassigned character anywhere, or a combining mark on either side
    /// of a quote (it would hide the quote from a reader, and fold it into one `Character` in Swift).
    static func unprintable(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let code = "U+" + hex(scalar)
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return "contains the control character \(code)"
            case .format: return "contains the format character \(code)"
            case .privateUse: return "contains the private-use character \(code)"
            case .unassigned, .surrogate: return "contains the unassigned code point \(code)"
            case .nonspacingMark, .spacingMark, .enclosingMark:
                let before = index > 0 ? scalars[index - 1] : nil, after = index + 1 < scalars.count ? scalars[index + 1] : nil
                if [before, after].contains(where: { $0.map(PowerShellQuoting.singleQuotes.contains) ?? false }) {
                    return "has the combining mark \(code) next to a quote"
                }
            default:
                continue
            }
        }
        return nil
    }

    /// A refused value as it can be shown: invisible characters, and combining marks that sit on
    /// a quote or on nothing visible, are written as `\u{...}`; then the value is escaped for the
    /// terminal like every value.
    static func shown(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var text = ""
        for (index, scalar) in scalars.enumerated() {
            let before = index > 0 ? scalars[index - 1] : nil, after = index + 1 < scalars.count ? scalars[index + 1] : nil
            let hidden: Bool
            switch scalar.properties.generalCategory {
            case .format, .privateUse, .unassigned, .surrogate:
                hidden = true
            case .nonspacingMark, .spacingMark, .enclosingMark:
                let onQuote = [before, after].contains { $0.map(PowerShellQuoting.singleQuotes.contains) ?? false }
                hidden = onQuote || !(before?.properties.isAlphabetic ?? false)
            default:
                hidden = false
            }
            if hidden { text += "\\u{" + hex(scalar) + "}" } else { text.unicodeScalars.append(scalar) }
        }
        return TextEscaping.terminal(text)
    }

    private static func require(_ step: ApplyStep, _ field: String, _ value: String, _ shape: (String) -> Bool, _ problem: String) throws(ApplyRefusal) {
        guard let reason = unprintable(value) ?? (shape(value) ? nil : problem) else { return }
        throw ApplyRefusal("\(shown(step.number)): the \(field) \"\(shown(value))\" \(reason); ddi does not write it into a script")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
