import DDIGit
import DDIKit

/// Counts assigned numbers per range at the commits of the inventory's git history, for the
/// allocation rate and the chart of the report.
///
/// Walks the first-parent chain back from HEAD only as far as the oldest window needs (one commit at
/// or before `since`), reads inventory trees straight from the object database, and parses a file only
/// when its blob changed: each distinct blob is counted once. Numbers are mapped to today's ranges.
public enum GitHistorySampler {
    public struct Outcome: Sendable {
        public var samples: [AssignedSample]
        /// Why there are no samples, when there are none.
        public var note: String?

        public init(samples: [AssignedSample], note: String?) {
            self.samples = samples
            self.note = note
        }
    }

    /// `ranges` are today's ranges; `since` the first day the report needs (today - 365 days).
    public static func samples(root: String, ranges: [NumberRange], since: Day, maximumCommits: Int = 100_000) -> Outcome {
        do {
            let repository = try GitRepository.discover(from: root)
            guard let head = try repository.headCommit() else { return Outcome(samples: [], note: "the git repository has no commits yet") }
            let prefix = try RevisionInventory.prefix(of: root, in: repository)
            let reader = InventoryTreeReader(repository: repository, prefix: prefix)
            let finder = RangeIndex(ranges)
            var blobCounts: [GitOID: [String: Int]] = [:]
            var byDay: [(day: Day, counts: [String: Int])] = []
            var previousTree: GitOID?
            var oid: GitOID? = head
            var walked = 0
            while let current = oid, walked < maximumCommits {
                walked += 1
                let commit = try repository.commit(current)
                let day = Self.day(of: commit.committer)
                let tree = try reader.inventoryTree(ofCommit: commit)
                if tree != previousTree || byDay.last?.day != day {
                    let listing = try reader.listing(ofTree: tree)
                    var totals: [String: Int] = [:]
                    for file in listing.files {
                        let counts: [String: Int]
                        if let cached = blobCounts[file.oid] {
                            counts = cached
                        } else {
                            counts = count(bytes: try repository.blobBytes(file.oid), path: file.path, finder: finder)
                            blobCounts[file.oid] = counts
                        }
                        for (id, value) in counts { totals[id, default: 0] += value }
                    }
                    // Walking newest first: the first commit seen for a day is that day's last state.
                    if byDay.last?.day != day { byDay.append((day, totals)) }
                }
                previousTree = tree
                if day < since { break }
                oid = commit.parentOIDs.first
            }
            let samples = byDay.reversed().map { AssignedSample(day: $0.day, assignedByRange: $0.counts) }
            return Outcome(samples: samples, note: nil)
        } catch {
            return Outcome(samples: [], note: "no git history (\(error))")
        }
    }

    /// The committer's calendar day in the committer's time zone.
    static func day(of signature: GitSignature) -> Day {
        let local = signature.time + Int64(signature.offsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        return Day(daysSinceEpoch: Int(days))
    }

    /// Assigned numbers per range in one file (a base number with several extensions counts once).
    static func count(bytes: [UInt8], path: String, finder: RangeIndex) -> [String: Int] {
        let loaded = InventoryLoader.load(config: nil, files: [InventorySourceFile(path: path, bytes: bytes)])
        var seen = Set<UInt64>()
        var counts: [String: Int] = [:]
        for entry in loaded.inventory.numbers where entry.status?.value == .assigned && !entry.isBlock {
            guard let span = entry.span, seen.insert(span.lowerKey).inserted, let id = finder.range(containing: span.lowerKey) else { continue }
            counts[id, default: 0] += 1
        }
        return counts
    }
}

/// Today's ranges sorted by first number, for a binary search from a number to its range id.
struct RangeIndex {
    let spans: [(lower: UInt64, upper: UInt64, id: String)]

    init(_ ranges: [NumberRange]) {
        spans = ranges.compactMap { range in range.span.map { ($0.value.lowerKey, $0.value.upperKey, range.id.value) } }
            .sorted { $0.lower < $1.lower }
    }

    func range(containing key: UInt64) -> String? {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lower <= key { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        // Ranges should not overlap (DDI004); look back a little in case they do.
        while index >= 0, index >= low - 8 {
            if spans[index].upper >= key { return spans[index].id }
            index -= 1
        }
        return nil
    }
}
