import Crypto
import DDIPlan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.ddi/journal/<plan checksum>-<snapshot digest>.jsonl`: one checksummed JSON line per finished
/// step (`JournalLine`), appended and fsynced before the next step starts (README "Applying plans"). A journal
/// belongs to one plan applied against one snapshot: a new snapshot (a new pull, a rerun a week
/// later) starts a new journal, and every line names its plan, snapshot and run, so a line that
/// does not match is never taken for this apply's. Steps an earlier run journaled are a hint for
/// the applier (`finished`), not proof: the tenant is what counts. Lines that fail their checksum
/// (torn by a crash, edited by hand) are ignored and reported in `warnings`.
public final class ApplyJournal {
    public struct Entry: Codable, Sendable, Equatable {
        public var step: String
        /// Written as `done`, `already-done` or `skipped-<reason>`, as journals always were.
        public var outcome: StepOutcome
        public var at: String
        /// The run (one `ddi apply` process) that wrote the line.
        public var run: String
        /// The plan checksum and the snapshot digest the journal belongs to.
        public var plan: String
        public var live: String?
    }

    public let path: String
    public let plan: String
    public let live: String?
    public let runID: String
    public private(set) var entries: [Entry] = []
    /// Problems found reading the journal (lines ignored), for the caller to print as warnings.
    public private(set) var warnings: [String] = []
    /// Steps a run of this plan against this snapshot journaled as finished: a hint to check first.
    public var finished: Set<String> { Set(entries.map(\.step)) }

    /// Opens (creating the directory when needed) the journal of the plan with `checksum` applied
    /// against the snapshot with digest `live` (`liveDigest(of:)`; nil: a journal of the plan alone).
    public init(directory: String, checksum: String, live: String? = nil, runID: String = UUID().uuidString.lowercased()) throws(ApplyRefusal) {
        let planHex = try Self.hex(checksum, what: "the plan checksum")
        var name = planHex
        if let live { name += "-" + (try Self.hex(live, what: "the snapshot digest")) }
        plan = "sha256:" + planHex
        self.live = live.map { "sha256:" + String($0.dropFirst($0.hasPrefix("sha256:") ? 7 : 0)) }
        self.runID = runID
        path = (directory as NSString).appendingPathComponent(name + ".jsonl")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ApplyRefusal("cannot create the journal directory \(directory)")
        }
        if let data = FileManager.default.contents(atPath: path) { read([UInt8](data)) }
    }

    /// One digest for a whole snapshot: sha256 over its files' sha256s, sorted (file names differ
    /// between `--live DIR` and the `live:` default; the bytes are what matter).
    public static func liveDigest(of files: [SnapshotFile]) -> String {
        let joined = files.map(\.sha256).sorted().joined(separator: "\n")
        return "sha256:" + JournalLine.digest(Array(joined.utf8))
    }

    private static func hex(_ digest: String, what: String) throws(ApplyRefusal) -> String {
        let hex = digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : digest
        guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { throw ApplyRefusal("\(what) is not a sha256 digest") }
        return hex
    }

    private func read(_ bytes: [UInt8]) {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let name = (path as NSString).lastPathComponent
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let number = index + 1
            switch JournalLine.decode(line) {
            case .failure(let failure):
                if index == lines.count - 1 {
                    warnings.append("\(name) line \(number) is incomplete (an interrupted write); ignored")
                } else {
                    let why = failure == .checksumMismatch ? "its checksum does not match (edited or damaged)" : "it is not a journal line (torn or edited)"
                    warnings.append("\(name) line \(number): \(why); ignored")
                }
            case .success(let entry):
                guard entry.plan == plan, entry.live == live else {
                    warnings.append("\(name) line \(number) belongs to another plan or snapshot; ignored")
                    continue
                }
                entries.append(entry)
            }
        }
    }

    /// Appends one line and fsyncs it; returns only once the line is on disk. A torn last line
    /// (no newline) is ended first, so the new record is never glued to it.
    public func record(step: String, outcome: StepOutcome) throws(ApplyRefusal) {
        let entry = Entry(step: step, outcome: outcome, at: ISO8601DateFormatter().string(from: Date()), run: runID, plan: plan, live: live)
        guard var bytes = JournalLine.encode(entry) else { throw ApplyRefusal("cannot encode a journal line") }
        bytes.append(UInt8(ascii: "\n"))
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ApplyRefusal("cannot open the journal \(path)") }
        defer { close(fd) }
        if Self.endsWithoutNewline(fd) { bytes.insert(UInt8(ascii: "\n"), at: 0) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw ApplyRefusal("cannot write the journal \(path)")
            }
            written += result
        }
        guard fsync(fd) == 0 else { throw ApplyRefusal("cannot sync the journal \(path)") }
        entries.append(entry)
    }

    private static func endsWithoutNewline(_ fd: Int32) -> Bool {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { return false }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(status.st_size - 1)) == 1 else { return false }
        return last != UInt8(ascii: "\n")
    }
}
