import DDIKit

/// The inventory as read before an edit: its files as bytes and what they declare.
public struct EditWorkspace: Sendable {
    public let config: InventorySourceFile?
    public let files: [InventorySourceFile]
    public let loaded: LoadedInventory
    public let today: Day

    public init(config: InventorySourceFile?, files: [InventorySourceFile], today: Day) {
        self.config = config
        self.files = files
        self.today = today
        loaded = InventoryLoader.load(config: config, files: files)
    }

    public var inventory: Inventory { loaded.inventory }
    public var policy: Policy { loaded.inventory.config.policy }

    func bytes(of path: String) -> [UInt8]? { files.first { $0.path == path }?.bytes }

    /// The range with this id.
    func range(id: String) throws -> NumberRange {
        guard let range = inventory.ranges.first(where: { $0.id.value == id }) else {
            let hint = DidYouMean.hint(for: id, among: inventory.ranges.map(\.id.value))
            throw EditError.invalidArgument("no range with id '\(id)'\(hint)")
        }
        return range
    }

    /// The range that contains `span`, if any.
    func range(containing span: NumberSpan) -> NumberRange? {
        inventory.ranges.first { $0.span?.value.contains(span) == true }
    }

    /// The single-number entry declaring exactly `number` (extension included).
    func entry(number: PhoneNumber) -> NumberEntry? {
        inventory.numbers.first { !$0.isBlock && $0.span?.first == number }
    }

    /// Every entry whose span overlaps `span`, sorted by first number.
    func entries(overlapping span: NumberSpan) -> [NumberEntry] {
        inventory.numbers.filter { $0.span?.overlaps(span) == true }
            .sorted { ($0.span?.lowerKey ?? 0, $0.location) < ($1.span?.lowerKey ?? 0, $1.location) }
    }
}

/// One file an edit changed.
public struct FileChange: Sendable, Equatable {
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]
}

/// What an edit did: the changed files and, for the user, what happened.
public struct EditResult: Sendable {
    public var changes: [FileChange]
    /// The numbers the command acted on, in order (what `allocate` prints).
    public var numbers: [String]
    /// Lines that say what was done, one per number or span.
    public var actions: [String]
    /// Things the user should look at that the edit did not change (routing that names a leaver).
    public var notices: [String] = []
    /// Warnings the edit introduced (the edit is still written).
    public var newWarnings: [Diagnostic] = []
    /// Errors that were there before the edit and remain (the edit did not add any).
    public var preexistingErrors: [Diagnostic] = []
}

/// Edits to several files, validated together before anything is written.
struct EditBatch {
    let workspace: EditWorkspace
    private(set) var editors: [String: DocumentEditor] = [:]
    private(set) var order: [String] = []

    init(_ workspace: EditWorkspace) { self.workspace = workspace }

    /// Runs `body` on the editor of `path`, creating it on first use.
    mutating func edit<T>(_ path: String, _ body: (inout DocumentEditor) throws -> T) throws -> T {
        if editors[path] == nil {
            guard let bytes = workspace.bytes(of: path) else { throw EditError.invalidArgument("\(path) is not an inventory file") }
            editors[path] = try DocumentEditor(path: path, bytes: bytes)
            order.append(path)
        }
        guard var editor = editors[path] else { throw EditError.invalidArgument("\(path) is not an inventory file") }
        defer { editors[path] = editor }
        return try body(&editor)
    }

    /// The entry's YAML node in its file, for edits.
    mutating func node(of entry: NumberEntry) throws -> YAMLNode {
        try edit(entry.location.file) { try $0.document.numberEntry(at: entry.location) }
    }

    /// Applies the edits, validates the new inventory and refuses when the edit adds an error.
    ///
    /// Errors already present before the edit do not block it (an offboarding must not wait for an
    /// unrelated typo to be fixed); they are reported back so the command can mention them. `check`
    /// sees the new inventory and may refuse when the edit did not do what it meant to.
    func finish(numbers: [String], actions: [String], check: (LoadedInventory) throws -> Void = { _ in }) throws -> EditResult {
        var changes: [FileChange] = []
        var newFiles = workspace.files
        for path in order {
            guard let editor = editors[path], let index = newFiles.firstIndex(where: { $0.path == path }) else { continue }
            let after = try editor.result()
            if after != newFiles[index].bytes {
                changes.append(FileChange(path: path, before: newFiles[index].bytes, after: after))
                newFiles[index].bytes = after
            }
        }
        let before = Validator.validate(workspace.loaded, today: workspace.today)
        let reloaded = InventoryLoader.load(config: workspace.config, files: newFiles)
        let afterReport = Validator.validate(reloaded, today: workspace.today)
        let added = DiagnosticDelta.added(before: before.diagnostics, after: afterReport.diagnostics)
        let addedErrors = added.filter { $0.severity == .error }
        if !addedErrors.isEmpty {
            throw EditError.invalidResult(addedErrors.map { "\($0.location): error[\($0.ruleID)]: \($0.message)" })
        }
        try check(reloaded)
        var result = EditResult(changes: changes, numbers: numbers, actions: actions)
        result.newWarnings = added.filter { $0.severity == .warning }
        result.preexistingErrors = afterReport.diagnostics.filter { $0.severity == .error }
        return result
    }
}

/// Compares diagnostics before and after an edit. Lines move when an edit adds or removes lines, so
/// diagnostics are compared by rule, file and message with every `:LINE:COLUMN` taken out.
enum DiagnosticDelta {
    static func added(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var remaining: [String: Int] = [:]
        for diagnostic in before { remaining[key(diagnostic), default: 0] += 1 }
        var added: [Diagnostic] = []
        for diagnostic in after {
            let key = key(diagnostic)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                added.append(diagnostic)
            }
        }
        return added
    }

    static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.ruleID)|\(diagnostic.severity.rawValue)|\(diagnostic.location.file)|\(withoutPositions(diagnostic.message))"
    }

    /// `a.yaml:12:5` → `a.yaml`, `line 12, column 5` → `line , column `.
    static func withoutPositions(_ message: String) -> String {
        var output = ""
        var iterator = Array(message).makeIterator()
        var pendingColon = false
        while let character = iterator.next() {
            if pendingColon {
                if character.isNumber { continue }
                pendingColon = false
            }
            if character == ":" {
                pendingColon = true
                output.append(character)
                continue
            }
            if character.isNumber, output.hasSuffix("line ") || output.hasSuffix("column ") { continue }
            output.append(character)
        }
        return output.replacingOccurrences(of: ":", with: "")
    }
}
