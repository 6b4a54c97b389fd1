import DDIKit
import DDIPlan
import Foundation

/// A plan saved by `ddi plan --out FILE`, read back and verified against its checksum.
public struct SavedPlan: Sendable {
    public var path: String
    public var plan: Plan
    public var checksum: String

    public init(path: String, plan: Plan, checksum: String) {
        self.path = path
        self.plan = plan
        self.checksum = checksum
    }

    /// Reads and verifies a saved plan: it must be a plan, carry a checksum, and its content must
    /// still hash to that checksum (a plan edited by hand is refused).
    public static func load(path: String) throws(ApplyRefusal) -> SavedPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ApplyRefusal("cannot read the plan file \(TextEscaping.terminal(path))")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path rawPath: String) throws(ApplyRefusal) -> SavedPlan {
        // The file is anyone's: what it holds, and its name, reach the terminal escaped.
        let path = TextEscaping.terminal(rawPath)
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ApplyRefusal("\(path) is not a saved plan: expected a JSON object written by ddi plan --out")
            }
            object = parsed
        } catch let refusal as ApplyRefusal {
            throw refusal
        } catch {
            throw ApplyRefusal("\(path) is not a saved plan: not valid JSON")
        }
        guard let stored = object[PlanChecksum.key] as? String else {
            throw ApplyRefusal("\(path) has no checksum: save the plan with ddi plan --out FILE (a plan printed with --format json is not a saved plan)")
        }
        let plan: Plan
        do {
            plan = try PlanJSONRenderer.decode(data)
        } catch {
            throw ApplyRefusal("\(path) is not a saved plan: \(TextEscaping.terminal(Self.describe(error)))")
        }
        guard plan.formatVersion == Plan.formatVersion else {
            throw ApplyRefusal("\(path) has format_version \(plan.formatVersion); this ddi reads \(Plan.formatVersion)")
        }
        let actual = PlanChecksum.compute(plan)
        guard actual == stored else {
            throw ApplyRefusal("\(path) was modified after it was saved: its checksum is \(TextEscaping.terminal(stored)) but its content hashes to \(actual); make a new plan with ddi plan --out FILE")
        }
        return SavedPlan(path: rawPath, plan: plan, checksum: stored)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(([key] + context.codingPath.reversed()).reversed().map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default:
            return "cannot decode the plan"
        }
    }
}
