import DDIKit

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
