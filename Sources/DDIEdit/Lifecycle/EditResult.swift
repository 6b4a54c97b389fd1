import DDIKit

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
