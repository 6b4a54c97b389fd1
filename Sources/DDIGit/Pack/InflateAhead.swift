import Foundation

/// A pack entry: which pack, and where in it.
struct PackEntryKey: Hashable {
    var pack: Int
    var offset: UInt64
}

/// Inflates, on a thread of its own, the pack entries a `PackBlobReader` will need for a known
/// reading order, so that the reader's thread only applies deltas.
///
/// During a cold walk the reading thread is the one the others wait for, and inflating was 42 % of
/// it (applying deltas and their copies most of the rest). This thread follows the same order with
/// pack files of its own, walks each blob's delta chain down to the first entry met before (which the
/// reader still keeps: it drops an entry only after its last planned use), and inflates the entries
/// on the way. The reader takes an entry from here when it is ready and inflates it itself when it is
/// not, so this thread changes only who inflates: an entry's inflated bytes depend on nothing but the
/// pack file and the entry's offset, and an entry that does not inflate is never handed over.
/// At most `byteBudget` bytes wait; entries for reads the reader has passed are dropped.
final class InflateAhead: @unchecked Sendable {
    private let packs: [PackFile]
    private let order: [GitOID]
    private let byteBudget: Int
    private let condition = NSCondition()
    private var ready: [PackEntryKey: (bytes: [UInt8], position: Int)] = [:]
    private var readyBytes = 0
    private var readerPosition = 0
    private var stopped = false

    /// Entries handed to the reader (what a run saved the reader).
    var entriesHandedOver: Int {
        condition.lock()
        defer { condition.unlock() }
        return handedOver
    }
    private var handedOver = 0

    init(packs: [PackFile], order: [GitOID], byteBudget: Int = 64 << 20) {
        self.packs = packs
        self.order = order
        self.byteBudget = byteBudget
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Ends the thread (at its next entry); what waits is dropped.
    func stop() {
        condition.lock()
        stopped = true
        ready.removeAll()
        readyBytes = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The reader begins read number `position` of the order: entries kept for earlier reads are dropped.
    func advance(to position: Int) {
        condition.lock()
        readerPosition = position
        if readyBytes > byteBudget / 2 {
            for (key, entry) in ready where entry.position < position {
                ready[key] = nil
                readyBytes -= entry.bytes.count
            }
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The inflated data of the entry at `key`, when this thread has it ready.
    func take(_ key: PackEntryKey) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        guard let entry = ready.removeValue(forKey: key) else { return nil }
        readyBytes -= entry.bytes.count
        handedOver += 1
        condition.broadcast()
        return entry.bytes
    }

    private func run() {
        var seen = Set<PackEntryKey>()
        for (position, oid) in order.enumerated() {
            condition.lock()
            while !stopped && readyBytes > byteBudget && position > readerPosition { condition.wait() }
            let passed = position < readerPosition
            let done = stopped
            condition.unlock()
            if done { return }
            guard let key = locate(oid) else { continue }
            // The chain down to the first entry met before, which the reader keeps.
            var chain: [(key: PackEntryKey, header: PackEntryHeader)] = []
            var current = key
            while chain.count < PackBlobReader.deepestChain, seen.insert(current).inserted,
                  current.pack < packs.count, let header = packs[current.pack].header(at: current.offset) {
                chain.append((current, header))
                guard let base = base(of: current, header) else { break }
                current = base
            }
            if passed { continue }
            for link in chain.reversed() {
                guard let bytes = packs[link.key.pack].inflate(link.header, at: link.key.offset) else { continue }
                condition.lock()
                if stopped {
                    condition.unlock()
                    return
                }
                if position >= readerPosition, ready[link.key] == nil {
                    ready[link.key] = (bytes, position)
                    readyBytes += bytes.count
                    condition.broadcast()
                }
                condition.unlock()
            }
        }
    }

    private func locate(_ oid: GitOID) -> PackEntryKey? {
        let raw = oid.rawBytes
        for (number, pack) in packs.enumerated() {
            if let offset = pack.index.offset(of: raw) { return PackEntryKey(pack: number, offset: offset) }
        }
        return nil
    }

    private func base(of key: PackEntryKey, _ header: PackEntryHeader) -> PackEntryKey? {
        switch header.kind {
        case .offsetDelta(let offset):
            return PackEntryKey(pack: key.pack, offset: offset)
        case .referenceDelta(let id):
            return packs[key.pack].index.offset(of: id).map { PackEntryKey(pack: key.pack, offset: $0) }
        default:
            return nil
        }
    }
}
