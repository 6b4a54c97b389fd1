/// DDI015: with `--base REV`, every commit since REV that changes a number, range or routing entry
/// names it in a trailer (`Number:`, `Range:`, `Routing:`), so plain `git log` finds it.
struct CommitTrailerRule: ValidationRule {
    let id = "DDI015"
    let title = "Commit message lacks the trailers for what it changes"
    let defaultSeverity = Severity.info
    let summary = "with `--base REV`: a commit since `REV` whose message lacks the `Number:` / `Range:` / `Routing:` trailers for what it changes"
    let rationale = """
    People read number history in plain git too: `git log --grep='^Number: +4533121047$'` and \
    `git log --format='%(trailers:key=Number)'` find a change only when its commit message names the \
    number in a trailer. `ddi commit`, the lifecycle commands' `--commit` and the hook from \
    `ddi hook install` write them (`Number: +4533121047`, one per changed number or block; `Range: ID`; \
    `Routing: ID`); commits made by hand may not. With `--base REV`, each commit since REV (merges \
    left out) whose message lacks a trailer for something it changes is listed, at the entry as it is \
    now (or as the commit left it). It is informational by default; teams that want the convention set \
    `rules: { DDI015: error }` in ddi.yaml. `ddi history` finds every change either way. Without \
    `--base` the rule does nothing.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("a commit written by ddi commit", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers: []
        """)], commitMessage: """
        Assign +4533121047 to ida.poulsen@contoso.com

        +4533121047: free → assigned to ida.poulsen@contoso.com

        Number: +4533121047
        """, ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121047"
            status: assigned
            kind: user
            assigned_to: ida.poulsen@contoso.com
            owner: ida.poulsen@contoso.com
            reviewed: 2026-05-30
        """)),
        .invalid("a commit message without trailers", message: "lacks the trailer Number: +4533121047", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers: []
        """)], commitMessage: "update numbers.yaml", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - ↓number: "+4533121047"
            status: assigned
            kind: user
            assigned_to: ida.poulsen@contoso.com
            owner: ida.poulsen@contoso.com
            reviewed: 2026-05-30
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        guard let commits = context.commits, !commits.isEmpty else { return }
        var current: [String: SourceLocation] = [:]
        for entry in context.numbers {
            let key = entry.span?.description ?? entry.text.value
            if current[key] == nil { current[key] = entry.location }
        }
        for commit in commits {
            let missing = commit.missingTrailers
            guard !missing.isEmpty else { continue }
            var names: [String] = missing.numbers.map { "Number: \($0)" }
            names += missing.ranges.map { "Range: \($0)" }
            names += missing.routing.map { "Routing: \($0)" }
            let shown = names.prefix(5).map(TextEscaping.terminal).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
            let subject = TextEscaping.terminal(String(commit.subject.prefix(72)))
            findings.add(
                "commit \(commit.commit) ('\(subject)') lacks the trailer\(names.count == 1 ? "" : "s") \(shown) for what it changes; plain git log cannot find it by number (ddi commit writes them)",
                at: location(of: commit, missing, current)
            )
        }
    }

    /// Where a finding lands: the first missing number as it is declared now, else as the commit left
    /// it, else the file of the first missing range or routing entry.
    private func location(of commit: CommittedChange, _ missing: CommitTrailers, _ current: [String: SourceLocation]) -> SourceLocation {
        if let number = missing.numbers.first {
            if let now = current[number] { return now }
            if let change = commit.diff.numbers.first(where: { $0.subject == number }), let entry = change.after ?? change.before {
                return SourceLocation(file: entry.path, line: max(entry.line, 1), column: 1)
            }
        }
        let definitions = commit.diff.ranges.filter { missing.ranges.contains($0.id) } + commit.diff.routing.filter { missing.routing.contains($0.id) }
        let file = definitions.first?.fields.first { $0.field == "file" }.flatMap { $0.after ?? $0.before }
        return SourceLocation(file: file ?? Inventory.configFileName, line: 1, column: 1)
    }
}
