/// An enum field read so that a value this version of ddi does not know (`unknownFutureValue`,
/// `internalError`, a value added later) is a note on the record instead of an unreadable snapshot.
enum EnumReading<Value> {
    case absent
    case value(Value)
    /// The text as exported (shortened), for the note.
    case unknown(String)
}

extension FieldReader {
    /// Like `enumeration`, but unknown text comes back as `.unknown`. A value of the wrong type (a
    /// number: the export lacks `-EnumsAsStrings`; a list; an object) is still a problem.
    mutating func lenientEnumeration<Value>(_ field: Field, _ names: EnumNames<Value>) -> EnumReading<Value> {
        guard let value = record[field], !value.isAbsent else { return .absent }
        guard case .text(let text) = value else {
            _ = enumeration(field, names, required: false)
            return .absent
        }
        if let match = names.value(for: text) { return .value(match) }
        return .unknown(String(text.trimmingSpaces().prefix(64)))
    }

    /// A GUID field, lowercased; nil when absent or the all-zero GUID, which Teams writes for "none"
    /// (`LocationId : 00000000-0000-0000-0000-000000000000` in Example 2 of
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment).
    mutating func optionalID(_ field: Field) -> String? {
        guard let id = text(field)?.asciiFolded else { return nil }
        return id.allSatisfy({ $0 == "0" || $0 == "-" || $0 == "{" || $0 == "}" }) ? nil : id
    }

    /// A list of names: a JSON list of text, or a CSV cell with the items joined (`a, b`, `a;b`),
    /// possibly as PowerShell shows a collection (`{UserAssignment}`). Nil when the export does not
    /// carry the items (field missing, JSON null, `System.Object[]`).
    mutating func nameList(_ field: Field) -> [String]? {
        guard let value = record[field], value != .null else { return nil }
        guard let items = list(field) else { return nil }
        return items.map { item in
            // The usual item has nothing to strip: a wrapping character is one ASCII byte, so an
            // item whose first and last bytes are none of them is kept as it is, uncopied.
            guard let first = item.utf8.first, let last = item.utf8.last,
                  Self.wrappingBytes.contains(first) || Self.wrappingBytes.contains(last) else { return item }
            var slice = Substring(item)
            while let first = slice.first, Self.wrapping.contains(first) { slice = slice.dropFirst() }
            while let last = slice.last, Self.wrapping.contains(last) { slice = slice.dropLast() }
            return String(slice)
        }.filter { !$0.isEmpty }
    }

    private static let wrapping: Set<Character> = ["{", "}", "[", "]", "\"", "'", " "]
    private static let wrappingBytes: [UInt8] = Array("{}[]\"' ".utf8)
}
