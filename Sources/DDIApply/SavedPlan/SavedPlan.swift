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
        let saved: SavedPlanDocument
        do {
            saved = try SavedPlanDocument.decode(data)
        } catch is SavedPlanDocument.MissingChecksum {
            throw ApplyRefusal("\(path) has no checksum: save the plan with ddi plan --out FILE (a plan printed with --format json is not a saved plan)")
        } catch let unsupported as PlanDocument.UnsupportedVersion {
            throw ApplyRefusal("\(path) has format_version \(unsupported.found); this ddi reads \(PlanDocument.formatVersion)")
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw ApplyRefusal("\(path) is not a saved plan: not valid JSON")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ApplyRefusal("\(path) is not a saved plan: expected a JSON object written by ddi plan --out")
        } catch {
            throw ApplyRefusal("\(path) is not a saved plan: \(TextEscaping.terminal(Self.describe(error)))")
        }
        let actual: String
        do {
            actual = try SavedPlanDocument.checksum(of: saved.plan)
        } catch {
            throw ApplyRefusal("\(path) cannot be checked: its plan does not encode again (\(TextEscaping.terminal("\(error)")))")
        }
        guard actual == saved.checksum else {
            throw ApplyRefusal("\(path) was modified after it was saved: its checksum is \(TextEscaping.terminal(saved.checksum)) but its content hashes to \(actual); make a new plan with ddi plan --out FILE")
        }
        return SavedPlan(path: rawPath, plan: saved.plan.plan, checksum: saved.checksum)
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
