/// DDI001. The loader finds these problems while it reads each file (it is the only place that sees the
/// YAML tree), so this type holds the rule's documentation and the loader reports under its ID.
struct ShapeRule: ValidationRule {
    let id = "DDI001"
    let title = "YAML syntax and shape"
    let defaultSeverity = Severity.error
    let summary = "YAML syntax and shape: syntax error, wrong type, unknown key (with did-you-mean), missing required key, impossible date, non-UTF-8 text"
    let rationale = """
    Every file must be well-formed YAML whose keys and values have the documented shape: known keys \
    only (a misspelt key would silently drop data, so it is an error with a did-you-mean), the right \
    type for each value, real calendar dates written YYYY-MM-DD, and the keys each entry requires. \
    A broken file never stops the other files from being checked.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("keys and values as documented", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("a misspelt key", message: "unknown key 'asigned_to' in a number entry (did you mean 'assigned_to'?)", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            ↓asigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("a date that does not exist", message: "'since' must be a date YYYY-MM-DD, found '2026-02-30'", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: ↓2026-02-30
        """)),
        .invalid("a YAML syntax error", message: "YAML syntax error: found unexpected end of stream while scanning a quoted scalar", ExampleSnippets.file("numbers.yaml", """
        numbers:
          - number: "+4533121042
            status: free↓
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {}
}
