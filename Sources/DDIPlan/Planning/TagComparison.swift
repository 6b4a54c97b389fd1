/// Teams compares tags without regard to case ("Tags are not case sensitive",
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment, example
/// 13): declared `switchboard` and live `Switchboard` are the same tag, and a plan must never add
/// one spelling and remove the other (which would leave the number with no tag at all).
enum TagComparison {
    static func key(_ tag: String) -> String { tag.lowercased() }

    /// The tags once each, first spelling kept.
    static func unique(_ tags: [String]) -> [String] {
        // Most numbers have no tag or one: nothing can repeat, and no set is built.
        guard tags.count > 1 else { return tags }
        var seen = Set<String>()
        return tags.filter { seen.insert(key($0)).inserted }
    }

    static func sameSet(_ lhs: [String], _ rhs: [String]) -> Bool {
        // The same tags spelt the same way (usually none on either side) are the same set.
        if lhs == rhs { return true }
        return Set(lhs.map(key)) == Set(rhs.map(key))
    }

    /// The declared tags, each spelled as the live record spells it when it has the tag: the
    /// providers then add and remove only the tags that really differ.
    static func spelled(_ declared: [String], like live: [String]?) -> [String] {
        guard let live, !live.isEmpty else { return declared }
        var liveSpelling: [String: String] = [:]
        for tag in live where liveSpelling[key(tag)] == nil { liveSpelling[key(tag)] = tag }
        return declared.map { liveSpelling[key($0)] ?? $0 }
    }
}
