/// The checksum of a saved plan (`ddi plan --out FILE`): `sha256:` over the plan's canonical JSON
/// (`PlanDocument.canonicalJSON`, keys sorted), stored in `SavedPlanDocument.checksum`. `ddi apply`
/// decodes the plan, encodes it again and compares, so an edited plan file is refused, and the
/// journal of an apply is named by it.
public enum PlanChecksum {
    public static let key = SavedPlanDocument.CodingKeys.checksum.stringValue

    /// Encoding a plan document cannot fail (it holds only strings, integers and lists of them);
    /// should it ever, the checksum names the failure instead of hashing a wrong text, and matches
    /// no saved plan.
    public static func compute(_ plan: Plan) -> String {
        do {
            return try SavedPlanDocument.checksum(of: PlanDocument(plan))
        } catch {
            return "unencodable plan: \(error)"
        }
    }
}
