/// The contract of every renderer of a result (validation report, plan, diff, history, blame,
/// audit, report): one value in, the whole output of one format out. Computing and rendering are
/// apart: a renderer only formats what the library computed, escapes every value for where it goes
/// (`TextEscaping`), and throws `OutputError` rather than print a stand-in.
///
/// The formats of a result are an enum next to its renderer (`DiagnosticFormat`, `ChangeFormat`,
/// `AuditFormat`, `PlanFormat`, ...); a command offers exactly `Format.allCases` for `--format`.
/// Adding an output format is one case in that enum and one function (or file) that renders it.
public protocol OutputRenderer {
    associatedtype Subject
    associatedtype Format: RawRepresentable & CaseIterable & Sendable where Format.RawValue == String

    func render(_ subject: Subject, as format: Format) throws(OutputError) -> String
}
