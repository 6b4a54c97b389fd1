/// Keeps one copy of a value that repeats across the records of an export: every number of a site
/// has the same location id, most have the same operator id and capability list, and every account
/// of an export the same set of reported properties. 100,000 records then share a few copies
/// instead of holding 100,000 (the snapshot is held for the whole plan, beside the inventory).
/// The values are equal either way, so nothing read changes.
struct ValueInterner<Value: Hashable> {
    /// Distinct values kept at most: past this (an export of ever-new values), values are returned
    /// as they are, so the table never grows with hostile input.
    static var capacity: Int { 4_096 }

    private var known: [Value: Value] = [:]
    /// The value returned last: neighbouring records usually repeat it, and comparing is cheaper
    /// than hashing.
    private var last: Value?

    /// Distinct values kept.
    var count: Int { known.count }

    mutating func callAsFunction(_ value: Value) -> Value {
        if let last, last == value { return last }
        if let shared = known[value] {
            last = shared
            return shared
        }
        if known.count < Self.capacity { known[value] = value }
        last = value
        return value
    }

    mutating func callAsFunction(_ value: Value?) -> Value? {
        value.map { callAsFunction($0) }
    }
}
