/// A way to carry a plan's steps out (`ddi apply --provider NAME`). The plan, its steps and the
/// live state each step expects belong to the model (`ApplySteps`, `ApplyStep.liveCheck`); a
/// provider only says how one step is carried out. Most providers conform through one of the two
/// kinds, which implement `apply` for them:
///
/// - `OnlineProvider`: calls the tenant now, step by step, journaled and resumable (Graph);
/// - `ScriptProvider`: writes a script that a person runs later (PowerShell).
///
/// Register a new provider with one line in `ApplyProviders.all`.
public protocol ApplyProvider {
    /// The `--provider` value.
    static var name: String { get }
    /// One line for `--help`: what the provider does.
    static var summary: String { get }
    /// Whether it changes the tenant itself: `ddi apply` then holds `.ddi/apply.lock` from planning
    /// to the last step, so two applies never send the same steps.
    static var holdsApplyLock: Bool { get }
    /// Whether it writes a script to the output file (`--script-out`), which it then needs.
    static var writesScript: Bool { get }
    /// Whether it carries out routing steps; a plan with routing changes is refused up front otherwise.
    static var appliesRouting: Bool { get }

    /// Refuses a step the provider cannot carry out safely (a value of the wrong shape), before
    /// any step runs or anything is written.
    static func check(_ step: ApplyStep) throws(ApplyRefusal)
    /// Steps of a kind the provider leaves out, decided before any step runs.
    static func skipReason(for step: ApplyStep) -> SkipReason?
    /// A part of a step the provider leaves out while it carries the rest out (Graph unassigns a
    /// number but cannot set its assignment block), decided before any step runs.
    static func partialSkipReason(for step: ApplyStep) -> SkipReason?
    /// What the summary says about the skipped steps: why, and what to use instead.
    static func advice(for reason: SkipReason) -> String

    /// Sets the provider up from the context (credentials from the environment, the output file).
    init(context: ApplyContext) throws(ApplyRefusal)
    /// Carries the steps out. A step that fails is reported in `ApplyReport.failure`; a refusal
    /// thrown means nothing was carried out.
    func apply(_ steps: [ApplyStep], context: ApplyContext) throws(ApplyRefusal) -> ApplyReport
}

extension ApplyProvider {
    public static func check(_ step: ApplyStep) throws(ApplyRefusal) {}
    public static func skipReason(for step: ApplyStep) -> SkipReason? { nil }
    public static func partialSkipReason(for step: ApplyStep) -> SkipReason? { nil }
    public static var appliesRouting: Bool { false }
    public static func advice(for reason: SkipReason) -> String { "--provider \(name) cannot carry them out" }
}
