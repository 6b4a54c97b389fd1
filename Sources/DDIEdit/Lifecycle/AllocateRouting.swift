import DDIKit

extension Lifecycle {
    /// `ddi allocate --routing ID`: the kind and the identity a routing entry's numbers get (its type
    /// and its resource account), for the options left out.
    public static func routingTarget(_ id: String, in workspace: EditWorkspace) throws -> (kind: NumberKind, account: String?) {
        let entry = try routingEntry(id, in: workspace)
        guard let type = entry.type?.value else {
            throw EditError.invalidArgument("routing \(id) has no valid type; fix it first (ddi validate)")
        }
        return (kind(of: type), entry.resourceAccount?.value)
    }

    /// Refuses numbers for a routing entry that would not reach it: another kind than the entry's
    /// type, or another identity than its resource account (DDI011 would reject the result anyway;
    /// this says it in terms of the options).
    static func checkRouting(_ id: String, for request: AllocationRequest, in workspace: EditWorkspace) throws {
        let entry = try routingEntry(id, in: workspace)
        if let type = entry.type?.value, request.kind != kind(of: type) {
            throw EditError.invalidArgument("--kind \(request.kind.rawValue) does not fit routing \(id), \(Wording.withArticle(type.rawValue)): leave out --kind, or give --kind \(type.rawValue)")
        }
        if let account = entry.resourceAccount?.value, Identity.normalized(account) != Identity.normalized(request.assignedTo) {
            throw EditError.invalidArgument("--assigned-to \(request.assignedTo) is not the resource account of routing \(id) (\(account)): leave out --assigned-to")
        }
    }

    static func routingEntry(_ id: String, in workspace: EditWorkspace) throws -> RoutingEntry {
        let routing = workspace.inventory.routing
        guard let entry = routing.first(where: { $0.id.value == id }) else {
            let hint = DidYouMean.hint(for: id, among: routing.map(\.id.value))
            throw EditError.invalidArgument("no routing entry with id '\(id)'\(hint)")
        }
        return entry
    }

    static func kind(of type: RoutingType) -> NumberKind {
        switch type {
        case .autoAttendant: .autoAttendant
        case .callQueue: .callQueue
        }
    }
}

extension FreeNumbers {
    /// The parts of `runs` that `held` contains. A run inside a declared entry keeps only its first
    /// held stretch: one allocation carves one piece out of an entry.
    static func restrict(_ runs: [FreeRun], to held: Set<PhoneNumber>, digitCount: Int) -> [FreeRun] {
        let values = held.filter { $0.digitCount == digitCount && $0.phoneExtension == nil }.map(\.value).sorted()
        var restricted: [FreeRun] = []
        for run in runs {
            var index = lowerBound(of: run.first, in: values)
            var pieces: [FreeRun] = []
            while index < values.count, values[index] <= run.last {
                let start = values[index]
                while index + 1 < values.count, values[index + 1] == values[index] + 1, values[index + 1] <= run.last { index += 1 }
                pieces.append(FreeRun(first: start, last: values[index], entryIndex: run.entryIndex))
                index += 1
            }
            restricted += run.entryIndex == nil ? pieces : Array(pieces.prefix(1))
        }
        return restricted
    }

    private static func lowerBound(of value: UInt64, in sorted: [UInt64]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
