import DDIKit
import DDIPlan
import Foundation

/// Applies a plan's steps through Graph, in order, journaling each finished step before the next
/// starts. Before each call it reads the number's current assignment, so a step that was sent but
/// not journaled (a crash between the two) is recognised as done instead of being sent again.
public struct GraphApplyReport: Sendable {
    public var total = 0
    public var done: [String] = []
    public var alreadyDone: [String] = []
    public var resumed: [String] = []
    public var skipped: [String] = []
    public var failure: String?
}

public enum GraphApplier {
    public static func apply(steps: [ApplyStep], client: GraphClient, journal: ApplyJournal, progress: ApplyProgress) -> GraphApplyReport {
        var report = GraphApplyReport()
        report.total = steps.count
        let finished = journal.finished
        for (index, step) in steps.enumerated() {
            if finished.contains(step.id) {
                report.resumed.append(step.id)
                progress.step(index + 1, step.summary, outcome: "done earlier")
                continue
            }
            do {
                let outcome = try perform(step, client: client)
                try journal.record(step: step.id, outcome: outcome)
                switch outcome {
                case "done": report.done.append(step.id)
                case "already-done": report.alreadyDone.append(step.id)
                default: report.skipped.append(step.id)
                }
                progress.step(index + 1, step.summary, outcome: outcome)
            } catch let error as GraphError {
                report.failure = "\(step.summary): \(error.message)"
                progress.step(index + 1, step.summary, outcome: "FAILED")
                return report
            } catch let error as ApplyRefusal {
                report.failure = "\(step.summary): \(error.message)"
                return report
            } catch {
                report.failure = "\(step.summary): \(client.redactor.redact(String(describing: error)))"
                return report
            }
        }
        return report
    }

    static func graphType(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "directRouting"
        case .callingPlan: "callingPlan"
        case .operatorConnect: "operatorConnect"
        }
    }

    /// `done`, `already-done` or `skipped-tags`.
    static func perform(_ step: ApplyStep, client: GraphClient) throws(GraphError) -> String {
        switch step.operation {
        case .addTag, .removeTag:
            // numberAssignment in Graph v1.0 has no tags: the PowerShell provider sets them.
            return "skipped-tags"
        default:
            break
        }
        let current = try client.numberAssignment(step.number)
        let status = (current?["assignmentStatus"] as? String ?? "unassigned").lowercased()
        let holder = (current?["assignmentTargetId"] as? String)?.lowercased()
        let location = (current?["locationId"] as? String)?.lowercased()
        let category = (current?["assignmentCategory"] as? String)?.lowercased()
        let assignedToTarget = status != "unassigned" && holder == step.targetID.lowercased()
        switch step.operation {
        case .assign:
            let locationOK = step.locationID == nil || location == step.locationID?.lowercased()
            let categoryOK = step.category == nil || category == step.category?.rawValue
            if assignedToTarget, locationOK, categoryOK { return "already-done" }
            var body: [String: Any] = ["telephoneNumber": step.number, "assignmentTargetId": step.targetID, "numberType": graphType(step.numberType)]
            if let category = step.category { body["assignmentCategory"] = category.rawValue }
            if let locationID = step.locationID { body["locationId"] = locationID }
            try client.performAction(GraphPaths.assignNumber, body: body)
        case .unassign:
            if !assignedToTarget { return "already-done" }
            try client.performAction(GraphPaths.unassignNumber, body: ["telephoneNumber": step.number, "numberType": graphType(step.numberType)])
        case .update:
            let locationOK = step.locationID == nil || location == step.locationID?.lowercased()
            let categoryOK = step.category == nil || category == step.category?.rawValue
            if locationOK, categoryOK { return "already-done" }
            if !locationOK, let locationID = step.locationID {
                try client.performAction(GraphPaths.updateNumber, body: ["telephoneNumber": step.number, "locationId": locationID])
            }
            if !categoryOK, let category = step.category {
                // updateNumber has no category: assigning again to the same target changes it.
                var body: [String: Any] = ["telephoneNumber": step.number, "assignmentTargetId": step.targetID,
                                           "numberType": graphType(step.numberType), "assignmentCategory": category.rawValue]
                if let locationID = step.locationID { body["locationId"] = locationID }
                try client.performAction(GraphPaths.assignNumber, body: body)
            }
        case .addTag, .removeTag:
            return "skipped-tags"
        }
        return "done"
    }
}
