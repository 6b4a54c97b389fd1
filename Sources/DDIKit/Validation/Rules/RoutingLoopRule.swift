/// DDI012: routing never loops without a way out to a person, a mailbox or an outside number.
struct RoutingLoopRule: ValidationRule {
    let id = "DDI012"
    let title = "Routing loop with no exit"
    let defaultSeverity = Severity.error
    let summary = "routing loop that never reaches a person, a voicemail or an external number"
    let rationale = """
    An auto attendant that hands calls to a queue whose overflow goes back to the attendant is fine \
    as long as some step reaches a human (a user or a queue with agents), a voicemail or an external \
    number. A loop of routing entries none of which ever reaches such an exit keeps callers circling \
    until they hang up.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("a loop that has agents", ExampleSnippets.file("routing.yaml", """
        routing:
          - id: aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: cq-reception
            after_hours: cq-reception
          - id: cq-reception
            type: call-queue
            resource_account: cq-reception@contoso.com
            agents: [anna.jensen@contoso.com]
            overflow: aa-main
            timeout: aa-main
        """)),
        .invalid("two entries sending calls to each other", message: "routing loop aa-main → cq-reception → aa-main never reaches a person", ExampleSnippets.file("routing.yaml", """
        routing:
          - id: ↓aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: cq-reception
            after_hours: cq-reception
          - id: cq-reception
            type: call-queue
            resource_account: cq-reception@contoso.com
            overflow: aa-main
            timeout: aa-main
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        var indexByID: [String: Int] = [:]
        for (index, entry) in context.routing.enumerated() where indexByID[entry.id.value] == nil { indexByID[entry.id.value] = index }
        let count = context.routing.count
        var successors = [[Int]](repeating: [], count: count)
        var predecessors = [[Int]](repeating: [], count: count)
        var hasExit = [Bool](repeating: false, count: count)
        for (index, entry) in context.routing.enumerated() {
            hasExit[index] = !entry.agents.isEmpty
            for link in entry.links {
                if link.target.isExit { hasExit[index] = true }
                if case .routing(let id) = link.target, let next = indexByID[id] {
                    successors[index].append(next)
                    predecessors[next].append(index)
                }
            }
        }
        // Entries that can reach an exit: walk backwards from every entry that has one.
        var reachesExit = hasExit
        var queue = hasExit.indices.filter { hasExit[$0] }
        while let node = queue.popLast() {
            for previous in predecessors[node] where !reachesExit[previous] {
                reachesExit[previous] = true
                queue.append(previous)
            }
        }
        for component in StronglyConnectedComponents.find(successors: successors) {
            let trapped = component.allSatisfy { !reachesExit[$0] }
            let isLoop = component.count > 1 || component.first.map { successors[$0].contains($0) } == true
            guard trapped, isLoop else { continue }
            let members = component.sorted { context.routing[$0].location < context.routing[$1].location }
            guard let first = members.first else { continue }
            let names = (members + [first]).map { context.routing[$0].id.value }.joined(separator: " → ")
            findings.add(
                "routing loop \(names) never reaches a person, a voicemail or an external number",
                at: context.routing[first].id.location,
                related: members.dropFirst().map { RelatedLocation(context.routing[$0].id.location, "part of the loop") }
            )
        }
    }
}

/// Tarjan's algorithm, iterative so that a long chain of entries cannot exhaust the stack.
enum StronglyConnectedComponents {
    static func find(successors: [[Int]]) -> [[Int]] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for start in 0..<count where index[start] < 0 {
            var work: [(node: Int, edge: Int)] = [(start, 0)]
            index[start] = nextIndex; lowLink[start] = nextIndex; nextIndex += 1
            stack.append(start); onStack[start] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let next = successors[node][edge]
                    if index[next] < 0 {
                        index[next] = nextIndex; lowLink[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { lowLink[parent.node] = min(lowLink[parent.node], lowLink[node]) }
                if lowLink[node] == index[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
