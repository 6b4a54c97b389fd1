import DDIPlan
import Foundation

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

    /// Refuses a step the provider cannot carry out safely (a value of the wrong shape), before
    /// any step runs or anything is written.
    static func check(_ step: ApplyStep) throws(ApplyRefusal)
    /// Steps of a kind the provider leaves out, decided before any step runs.
    static func skipReason(for step: ApplyStep) -> SkipReason?
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
    public static func advice(for reason: SkipReason) -> String { "--provider \(name) cannot carry them out" }
}

/// What `ddi apply` hands a provider: where the inventory is, which plan against which snapshot,
/// the environment, and where progress and warnings go.
public struct ApplyContext {
    /// The inventory root: the journal lives under `.ddi/journal`.
    public var root: String
    /// The plan's checksum (`sha256:…`), naming its journal and stamped into a script.
    public var checksum: String
    /// The digest of the snapshot the plan was made against (`ApplyJournal.liveDigest(of:)`).
    public var liveDigest: String?
    /// Where a script provider writes (`--script-out`).
    public var output: String?
    public var environment: [String: String]
    /// Whether standard error is a terminal (a progress bar redrawn in place) or a log.
    public var terminal: Bool
    /// A warning for the user, without a prefix ("journal … line 3 is incomplete; ignored").
    public var warn: (String) -> Void
    /// Progress text, written as it comes (carriage returns and newlines included).
    public var progress: (String) -> Void

    public init(root: String, checksum: String, live: [SnapshotFile], output: String? = nil, environment: [String: String] = [:],
                terminal: Bool = false, warn: @escaping (String) -> Void = { _ in }, progress: @escaping (String) -> Void = { _ in }) {
        self.root = root
        self.checksum = checksum
        liveDigest = ApplyJournal.liveDigest(of: live)
        self.output = output
        self.environment = environment
        self.terminal = terminal
        self.warn = warn
        self.progress = progress
    }

    /// `<root>/.ddi/journal`.
    public var journalDirectory: String {
        (root as NSString).appendingPathComponent(".ddi/journal")
    }
}
