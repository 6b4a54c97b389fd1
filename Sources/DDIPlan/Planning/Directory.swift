import DDIKit

/// The directory export indexed both ways: object id -> account (to name who holds a number) and
/// UPN -> account (to find the object id an assignment needs).
struct Directory {
    private let accounts: [DirectoryAccount]
    // Indexes, not copies: an account holds several strings, and 100,000 copies cost retains.
    private var byObjectID: [String: Int] = [:]
    private var byUPN: [String: Int] = [:]
    var isEmpty: Bool { accounts.isEmpty }

    init(_ accounts: [DirectoryAccount]) {
        self.accounts = accounts
        byObjectID.reserveCapacity(accounts.count)
        byUPN.reserveCapacity(accounts.count)
        for (index, account) in accounts.enumerated() {
            byObjectID[account.objectID] = index
            byUPN[account.upn.asciiFolded] = index
        }
    }

    func account(objectID: String) -> DirectoryAccount? { byObjectID[objectID].map { accounts[$0] } }

    /// UPNs compare without regard to case, as Teams compares them (`Identity.normalized`).
    func account(upn: String) -> DirectoryAccount? { byUPN[upn.asciiFolded].map { accounts[$0] } }

    /// The UPN of an object id when the export knows it.
    func upn(of objectID: String?) -> String? { objectID.flatMap { byObjectID[$0] }.map { accounts[$0].upn } }
}

/// Ranges sorted by first number, for "which range holds this number" by binary search. A valid
/// inventory has no overlapping ranges (DDI004), so the last range starting at or below a number is
/// the only candidate.
struct RangeIndex {
    private let ranges: [(lower: UInt64, upper: UInt64, range: NumberRange)]

    init(_ ranges: [NumberRange]) {
        self.ranges = ranges.compactMap { range in
            range.span.map { (lower: $0.value.lowerKey, upper: $0.value.upperKey, range: range) }
        }.sorted { $0.lower < $1.lower }
    }

    func range(containing number: PhoneNumber) -> NumberRange? {
        let key = number.key
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lower <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0, ranges[low - 1].upper >= key else { return nil }
        return ranges[low - 1].range
    }
}
