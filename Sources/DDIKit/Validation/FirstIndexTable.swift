/// The first entry index seen for each key, for a rule that keeps the first of many and reports the
/// rest: an open-addressing table of indexes, where a `[String: Int]` would keep (and retain, and
/// release) every key. Keys are compared by the caller, so a hash collision costs a comparison,
/// never a wrong answer; the hash is Swift's seeded one, so input cannot choose collisions.
struct FirstIndexTable {
    private var hashes: [Int]
    private var indexes: [Int]
    private var count = 0

    /// Room for `capacity` keys with the table at most half full; it grows beyond that.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        hashes = Array(repeating: 0, count: size)
        indexes = Array(repeating: -1, count: size)
    }

    /// The index stored for the key hashing to `hash` that `isKey` recognises; nil, having stored
    /// `index` for that key, when there is none yet.
    mutating func firstIndex(hash: Int, orInsert index: Int, isKey: (Int) -> Bool) -> Int? {
        let mask = indexes.count - 1
        var slot = hash & mask
        while indexes[slot] >= 0 {
            if hashes[slot] == hash, isKey(indexes[slot]) { return indexes[slot] }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        indexes[slot] = index
        count += 1
        if 2 * count > indexes.count { grow() }
        return nil
    }

    private mutating func grow() {
        let oldHashes = hashes, oldIndexes = indexes
        hashes = Array(repeating: 0, count: 2 * oldIndexes.count)
        indexes = Array(repeating: -1, count: 2 * oldIndexes.count)
        let mask = indexes.count - 1
        for (hash, index) in zip(oldHashes, oldIndexes) where index >= 0 {
            var slot = hash & mask
            while indexes[slot] >= 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            indexes[slot] = index
        }
    }
}
