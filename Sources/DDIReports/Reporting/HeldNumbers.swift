import DDIKit

/// The numbers a live snapshot says the tenant holds (plain data, so that the report does not depend
/// on the snapshot readers). `Get-CsPhoneNumberAssignment` lists the numbers the tenant acquired,
/// assigned or not, for Calling Plan and Operator Connect; Direct Routing numbers are the carrier's,
/// billed by the carrier, and appear in Teams only once assigned, so they are never filtered by it.
/// https://learn.microsoft.com/powershell/module/teams/get-csphonenumberassignment
public struct HeldNumbers: Sendable, Equatable {
    /// Keys (`PhoneNumber.key`) of the numbers listed, sorted, without extensions.
    let keys: [UInt64]

    public init(numbers: some Sequence<PhoneNumber>) {
        keys = Set(numbers.lazy.filter { $0.phoneExtension == nil }.map(\.key)).sorted()
    }

    /// The sources whose unassigned numbers the tenant's export lists.
    public static let listedSources: Set<NumberSource> = [.callingPlan, .operatorConnect]

    /// The runs of consecutive held numbers within `lower...upper`.
    func heldRuns(_ lower: UInt64, _ upper: UInt64) -> [ClosedRange<UInt64>] {
        var runs: [ClosedRange<UInt64>] = []
        var index = CapacityCounter.firstIndex(keys, atLeast: lower)
        while index < keys.count, keys[index] <= upper {
            let start = keys[index]
            var end = start
            index += 1
            while index < keys.count, keys[index] <= upper, keys[index] == end + 1 {
                end = keys[index]
                index += 1
            }
            runs.append(start...end)
        }
        return runs
    }
}
