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
