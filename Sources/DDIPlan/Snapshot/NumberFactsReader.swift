import Foundation

/// What a number record says beyond its assignment: state, capabilities, where it is managed, its
/// block and its place. Every field is optional: a missing column means "not exported", so the
/// checks that need it are skipped, never guessed.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment (OUTPUTS)
/// https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment
struct NumberFacts {
    var locationID: String?
    var activationState: NumberActivationState?
    var country: String?
    var capabilities: [NumberCapability]?
    var management: NumberManagement?
    var portInOrderStatus: String?
    var assignmentBlock: AssignmentBlock?
    var city: String?
    var operatorID: String?
    var locationUpdateSupported: Bool?
}

extension NumberRecordImporter {
    static let activationStates = EnumNames<NumberActivationState>([
        "Activated": .activated, "AssignmentPending": .assignmentPending, "AssignmentFailed": .assignmentFailed,
        "UpdatePending": .updatePending, "UpdateFailed": .updateFailed,
    ])
    static let capabilityNames = EnumNames<NumberCapability>([
        "UserAssignment": .userAssignment, "VoiceApplicationAssignment": .voiceApplicationAssignment,
        "ConferenceAssignment": .conferenceAssignment, "TeamsPhoneMobile": .teamsPhoneMobile,
    ])
    /// Documented capabilities that say nothing about who may hold the number (Example 16 of the
    /// Get-CsPhoneNumberAssignment page lists `{Geographic, InboundCalling, OutboundCalling,
    /// UserAssignment}`): read without a note, and without effect.
    static let capabilitiesWithoutTarget: Set<String> = ["geographic", "inboundcalling", "outboundcalling"]
    static let managements = EnumNames<NumberManagement>(["Online": .online, "OnPremises": .onPremises])

    enum BlockState: Sendable { case notBlocked, forever, until }
    /// `AssignmentBlockedState`: NotBlocked, BlockedForever, BlockedUntil (module 7.5.0 and later).
    static let blockStates = EnumNames<BlockState>(["NotBlocked": .notBlocked, "BlockedForever": .forever, "BlockedUntil": .until])
}

extension FieldReader {
    mutating func numberFacts() -> NumberFacts {
        var facts = NumberFacts()
        facts.locationID = optionalID(.locationID)
        facts.activationState = NumberRecordImporter.optional(.activationState, NumberRecordImporter.activationStates, &self)
        facts.country = text(.country)?.uppercased()
        facts.capabilities = capabilities()
        facts.management = NumberRecordImporter.optional(.management, NumberRecordImporter.managements, &self)
        facts.portInOrderStatus = text(.portInStatus)
        facts.assignmentBlock = assignmentBlock()
        facts.city = text(.city)
        // Null for Operator Connect numbers the operator does not manage; a GUID otherwise.
        facts.operatorID = optionalID(.operatorID)
        facts.locationUpdateSupported = locationUpdateSupported()
        return facts
    }

    /// Known capabilities in export order; an unknown one is dropped with a note (the others still
    /// decide where the number may go).
    private mutating func capabilities() -> [NumberCapability]? {
        guard let names = nameList(.capabilities) else { return nil }
        var capabilities: [NumberCapability] = []
        for name in names {
            if let capability = NumberRecordImporter.capabilityNames.value(for: name) {
                if !capabilities.contains(capability) { capabilities.append(capability) }
            } else if !NumberRecordImporter.capabilitiesWithoutTarget.contains(name.lowercased()) {
                note(.capabilities, "'\(name.prefix(64))' is a capability this version of ddi does not know: ignored")
            }
        }
        return capabilities
    }

    /// `LocationUpdateSupported` (PowerShell), or Graph's `supportedCustomerActions` containing
    /// `locationUpdate` ("what customer actions are available to modify the number").
    private mutating func locationUpdateSupported() -> Bool? {
        if let flag = boolean(.locationUpdateSupported) { return flag }
        guard let actions = nameList(.supportedCustomerActions) else { return nil }
        return actions.contains { $0.lowercased() == "locationupdate" }
    }

    /// `AssignmentBlockedState` / `AssignmentBlockedUntil`: nil when not blocked or not exported.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment (Examples 14, 15)
    private mutating func assignmentBlock() -> AssignmentBlock? {
        let state = NumberRecordImporter.optional(.blockedState, NumberRecordImporter.blockStates, &self)
        let untilText = text(.blockedUntil)
        switch state {
        case .forever?:
            return AssignmentBlock(forever: true)
        case .notBlocked?:
            return nil
        case .until?, nil:
            guard let untilText else {
                // BlockedUntil without a date: blocked, end unknown.
                return state == .until ? AssignmentBlock(forever: false) : nil
            }
            guard let day = Self.lastBlockedDay(untilText) else {
                note(.blockedUntil, "'\(untilText.prefix(64))' is not a date ddi can read: the number is taken as blocked, end unknown")
                return AssignmentBlock(forever: false)
            }
            return AssignmentBlock(forever: false, until: day)
        }
    }

    /// The last UTC day of a block that ends at `text`: ISO 8601 (`2025-10-11T21:30:00.0000000Z`,
    /// as documented) or Windows PowerShell's `/Date(milliseconds)/`. A block that ends at midnight
    /// does not cover the day that starts then.
    static func lastBlockedDay(_ text: String) -> String? {
        var seconds: Double?
        if text.hasPrefix("/Date("), let close = text.firstIndex(of: ")") {
            let digits = text[text.index(text.startIndex, offsetBy: 6)..<close].prefix { $0.isNumber || $0 == "-" }
            seconds = Double(digits).map { $0 / 1000 }
        } else {
            seconds = isoSeconds(text)
        }
        guard let seconds, seconds.isFinite, abs(seconds) < 1e11 else { return nil }
        let end = Date(timeIntervalSince1970: seconds).addingTimeInterval(-1)
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let parts = calendar.dateComponents([.year, .month, .day], from: end)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `yyyy-MM-dd`, optionally `THH:mm:ss`, fractional seconds, and `Z` or an offset.
    private static func isoSeconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ bytes[$0] >= 48 && bytes[$0] <= 57 }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var offset = 0
        if bytes.count > 10 {
            guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
                  let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                  hour < 24, minute < 60, second < 61 else { return nil }
            components.hour = hour
            components.minute = minute
            components.second = second
            var index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            }
            if index < bytes.count {
                if bytes[index] == UInt8(ascii: "Z"), index == bytes.count - 1 {
                    offset = 0
                } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.count == index + 6,
                          let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6) {
                    offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
                } else {
                    return nil
                }
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        guard let date = calendar.date(from: components) else { return nil }
        return date.timeIntervalSince1970 - Double(offset)
    }
}
