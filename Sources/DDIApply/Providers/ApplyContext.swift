import DDIPlan
import Foundation

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
    /// The plan's routing steps (README "Routing"), for a provider that carries them out (`appliesRouting`).
    public var routing: [RoutingStep] = []

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
