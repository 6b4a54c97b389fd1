import DDIKit

/// Reads typed values out of one record, collecting a problem (file, record, number, field) for every
/// value that is wrong or missing instead of stopping at the first.
struct FieldReader {
    let file: String
    let record: SnapshotRecord
    /// Graph files name fields in camelCase; messages use the spelling of the file.
    let graph: Bool
    /// The number the record is about, once known, so later messages can name it.
    var number: String?
    var problems: [SnapshotProblem] = []
    /// Remarks that keep the record readable (a value this version does not know).
    var notes: [SnapshotNote] = []

    init(file: String, record: SnapshotRecord, graph: Bool) {
        self.file = file
        self.record = record
        self.graph = graph
    }

    mutating func report(_ field: Field?, _ message: String) {
        problems.append(SnapshotProblem(file: file, line: record.line, record: record.index, number: number,
                                        field: field?.name(graph: graph), message: message))
    }

    /// A warning about the record that does not make the snapshot unreadable.
    mutating func note(_ field: Field?, _ message: String) {
        let prefix = field.map { "field \($0.name(graph: graph)): " } ?? ""
        notes.append(SnapshotNote(severity: .warning, file: file, record: record.index, number: number, message: prefix + message))
    }

    /// Text of a scalar field; nil (and a problem when `required`) when absent.
    mutating func text(_ field: Field, required: Bool = false) -> String? {
        guard let value = record[field], !value.isAbsent else {
            if required { report(field, "missing") }
            return nil
        }
        switch value {
        case .text(let text):
            guard text.utf8.count <= Self.maximumTextLength else {
                report(field, "is \(text.utf8.count) bytes long: no Teams value is longer than \(Self.maximumTextLength)")
                return nil
            }
            return text.trimmingSpaces()
        case .number, .bool, .list, .opaque, .object, .null:
            // Every field read as text is a string in both PowerShell and Graph exports: a number
            // (`"AssignedPstnTargetId": 5`) is a wrong record, not an id spelt "5".
            report(field, "expected text, found \(describe(value))")
            return nil
        }
    }

    /// Ids, UPNs and phone numbers are short; this only stops a hostile export from carrying
    /// megabytes into messages and plans.
    static let maximumTextLength = 4_096
    /// Teams allows 50 tags per number (https://learn.microsoft.com/en-us/powershell/module/microsoftteams/Set-CsPhoneNumberTag).
    static let maximumListItems = 50

    /// An enum value by name, compared without regard to case (`OperatorConnect`, `operatorConnect`).
    /// A number means the export wrote enums as numbers, which ddi cannot map reliably.
    mutating func enumeration<Value>(_ field: Field, _ names: EnumNames<Value>, required: Bool) -> Value? {
        guard let value = record[field], !value.isAbsent else {
            if required { report(field, "missing") }
            return nil
        }
        switch value {
        case .text(let text):
            if let match = names.value(for: text) { return match }
            report(field, "unknown value '\(text)' (expected \(names.names.joined(separator: ", ")))")
        case .number(let number):
            report(field, "is the number \(number): the enum was exported as a number; export again with ConvertTo-Json -EnumsAsStrings (PowerShell 7), e.g. Get-CsPhoneNumberAssignment | ConvertTo-Json -Depth 5 -EnumsAsStrings")
        default:
            report(field, "expected one of \(names.names.joined(separator: ", ")), found \(describe(value))")
        }
        return nil
    }

    /// `True`/`False` (CSV), `true`/`false` (JSON).
    mutating func boolean(_ field: Field) -> Bool? {
        guard let value = record[field], !value.isAbsent else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .text(let text):
            switch text.trimmingSpaces().lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        default: break
        }
        report(field, "expected True or False, found \(describe(value))")
        return nil
    }

    /// A phone number written `+digits`, `+digits;ext=digits`, optionally prefixed `tel:`.
    mutating func phoneNumber(_ field: Field, required: Bool) -> PhoneNumber? {
        guard let text = text(field, required: required) else { return nil }
        var slice = Substring(text)
        if slice.lowercased().hasPrefix("tel:") { slice = slice.dropFirst(4) }
        switch PhoneNumber.parse(slice) {
        case .success(let number):
            return number
        case .failure(let error):
            report(field, error.message)
            return nil
        }
    }

    /// A list of text: a JSON array, a joined CSV cell (`a;b`, `a,b`), or nil when the export does not
    /// carry the items (field missing, or a CSV cell reading `System.Object[]`).
    mutating func list(_ field: Field) -> [String]? {
        guard let value = record[field] else { return nil }
        switch value {
        case .null: return []
        case .opaque: return nil
        case .text(let text):
            let items = text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            guard items.count <= Self.maximumListItems else {
                report(field, "has \(items.count) items: Teams allows at most \(Self.maximumListItems)")
                return nil
            }
            return items
        case .list(let items):
            guard items.count <= Self.maximumListItems else {
                report(field, "has \(items.count) items: Teams allows at most \(Self.maximumListItems)")
                return nil
            }
            var result: [String] = []
            for item in items {
                guard case .text(let text) = item else {
                    report(field, "expected a list of text, found \(describe(item)) in it")
                    return nil
                }
                if !text.isEmpty { result.append(text) }
            }
            return result
        case .number, .bool, .object:
            report(field, "expected a list of text, found \(describe(value))")
            return nil
        }
    }

    func describe(_ value: FieldValue) -> String {
        switch value {
        case .text(let text): "'\(text)'"
        case .number(let number): "the number \(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list: "a list"
        case .opaque(let text): "'\(text)'"
        case .object: "an object"
        }
    }
}

/// An enum's names as PowerShell writes them, matched without regard to case. The exact spellings
/// of PowerShell (PascalCase) and Graph (camelCase) are found without lowercasing anything.
struct EnumNames<Value>: Sendable where Value: Sendable {
    let names: [String]
    private let exact: [String: Value]
    private let folded: [String: Value]

    init(_ pairs: KeyValuePairs<String, Value>) {
        names = pairs.map(\.key)
        var exact: [String: Value] = [:]
        var folded: [String: Value] = [:]
        for (name, value) in pairs {
            exact[name] = value
            exact[name.prefix(1).lowercased() + name.dropFirst()] = value
            folded[name.lowercased()] = value
        }
        self.exact = exact
        self.folded = folded
    }

    func value(for text: String) -> Value? {
        exact[text] ?? folded[text.trimmingSpaces().lowercased()]
    }
}

extension String {
    /// Lowercased, without allocating when there is nothing to lower (object ids usually are).
    var asciiFolded: String {
        func needsLowering(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 || byte >= 128 }
        // The bytes in place when the string has them contiguous (native strings do): iterating
        // `utf8` one index at a time was a fiftieth of a plan of the reference tenant.
        let lowering = utf8.withContiguousStorageIfAvailable { $0.contains(where: needsLowering) } ?? utf8.contains(where: needsLowering)
        guard lowering else { return self }
        return lowercased()
    }

    func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last,
              first == 32 || first == 9 || last == 32 || last == 9 else { return self }
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
