import DDIKit
import DDIPlan
import Foundation

/// Applies a plan's steps through Graph, in order, journaling each finished step before the next
/// starts. Before each call it reads the number's current assignment and checks it against the
/// state the step expects (`ApplyStep.liveCheck`): a step whose effect is already there is not sent
/// again (a crash between a call and its journal line), and a holder the plan did not expect stops
/// the apply (the tenant changed since the plan; the number is never taken from someone else).
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
            let summary = TextEscaping.terminal(step.summary)
            do {
                let outcome = try perform(step, client: client, journaled: finished.contains(step.id))
                switch outcome {
                case .resumed:
                    // Listed in the journal, and the tenant shows it: nothing to record again.
                    report.resumed.append(step.id)
                    progress.step(index + 1, summary, outcome: "done earlier")
                    continue
                case .done: report.done.append(step.id)
                case .alreadyDone: report.alreadyDone.append(step.id)
                case .skippedTags: report.skipped.append(step.id)
                }
                if !(outcome == .skippedTags && finished.contains(step.id)) {
                    try journal.record(step: step.id, outcome: outcome.rawValue)
                }
                progress.step(index + 1, summary, outcome: outcome.rawValue)
            } catch let error as GraphError {
                report.failure = "\(summary): \(error.message)"
                progress.step(index + 1, summary, outcome: "FAILED")
                return report
            } catch let error as ApplyRefusal {
                report.failure = "\(summary): \(error.message)"
                progress.step(index + 1, summary, outcome: "FAILED")
                return report
            } catch {
                report.failure = "\(summary): \(client.redactor.redact(String(describing: error)))"
                progress.step(index + 1, summary, outcome: "FAILED")
                return report
            }
        }
        return report
    }

    enum Outcome: String {
        case done, alreadyDone = "already-done", skippedTags = "skipped-tags", resumed
    }

    static func graphType(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "directRouting"
        case .callingPlan: "callingPlan"
        case .operatorConnect: "operatorConnect"
        }
    }

    /// A number's assignment as Graph reports it, reduced to what a step checks.
    struct LiveAssignment {
        /// nil: unassigned (or not in the tenant); empty: assigned with no target id.
        var holder: String?
        var location: String?
        var category: String?

        /// A field of the wrong type stops the step: read as a default ("unassigned") it would let
        /// an assign take a number somebody holds.
        init(_ record: [String: Any]?, number: String) throws(ApplyRefusal) {
            guard let record else { return }
            let status = try Self.text(record, "assignmentStatus", number: number)?.lowercased() ?? ""
            guard status != "unassigned" else { return }
            holder = try Self.text(record, "assignmentTargetId", number: number) ?? ""
            location = try Self.text(record, "locationId", number: number)?.lowercased()
            category = try Self.text(record, "assignmentCategory", number: number)?.lowercased()
        }

        /// nil when absent or JSON null; the text when a string; otherwise a refusal.
        static func text(_ record: [String: Any], _ field: String, number: String) throws(ApplyRefusal) -> String? {
            guard let value = record[field], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                throw ApplyRefusal("\(number): Graph returned \(field) as \(type(of: value)), not text; nothing was changed for this number")
            }
            return text
        }

        func locationIsSet(for step: ApplyStep) -> Bool { step.locationID == nil || location == step.locationID?.lowercased() }
        func categoryIsSet(for step: ApplyStep) -> Bool { step.category == nil || category == step.category?.rawValue }
    }

    /// Checks the live state the step expects, then carries the step out when needed. A step the
    /// journal lists as finished counts as done earlier only when the tenant shows its effect.
    static func perform(_ step: ApplyStep, client: GraphClient, journaled: Bool) throws -> Outcome {
        if step.operation == .addTag || step.operation == .removeTag {
            // numberAssignment in Graph v1.0 has no tags: the PowerShell provider sets them.
            return .skippedTags
        }
        // The number goes into an OData $filter: only the E.164 shape is ever sent.
        guard ScriptValueShapes.isPhoneNumber(step.number) else {
            throw ApplyRefusal("\(TextEscaping.terminal(step.number)) is not a phone number (+digits, or +digits;ext=digits); nothing was sent")
        }
        let live = try LiveAssignment(try client.numberAssignment(step.number), number: step.number)
        let attributesInPlace = live.locationIsSet(for: step) && live.categoryIsSet(for: step)
        switch step.liveCheck(holder: live.holder, attributesInPlace: attributesInPlace) {
        case .alreadyDone:
            return journaled ? .resumed : .alreadyDone
        case .changed(let found):
            throw ApplyRefusal(step.changedMessage(found: found))
        case .run:
            break
        }
        switch step.operation {
        case .assign:
            var body: [String: Any] = ["telephoneNumber": step.number, "assignmentTargetId": step.targetID, "numberType": graphType(step.numberType)]
            if let category = step.category { body["assignmentCategory"] = category.rawValue }
            if let locationID = step.locationID { body["locationId"] = locationID }
            try client.performAction(GraphPaths.assignNumber, body: body)
        case .unassign:
            try client.performAction(GraphPaths.unassignNumber, body: ["telephoneNumber": step.number, "numberType": graphType(step.numberType)])
        case .update:
            if !live.locationIsSet(for: step), let locationID = step.locationID {
                try client.performAction(GraphPaths.updateNumber, body: ["telephoneNumber": step.number, "locationId": locationID])
            }
            if !live.categoryIsSet(for: step), let category = step.category {
                // updateNumber has no category: assigning again to the same target changes it.
                var body: [String: Any] = ["telephoneNumber": step.number, "assignmentTargetId": step.targetID,
                                           "numberType": graphType(step.numberType), "assignmentCategory": category.rawValue]
                if let locationID = step.locationID { body["locationId"] = locationID }
                try client.performAction(GraphPaths.assignNumber, body: body)
            }
        case .addTag, .removeTag:
            return .skippedTags
        }
        return .done
    }
}
