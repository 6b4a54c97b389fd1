import Crypto
import Foundation

/// The checksum of a saved plan (`ddi plan --out FILE`): `sha256:` over the plan's canonical JSON
/// (`PlanJSONRenderer.render`, keys sorted), written into the file as `checksum`. `ddi apply`
/// decodes the plan, renders it again and compares, so an edited plan file is refused, and the
/// journal of an apply is named by it.
public enum PlanChecksum {
    public static let key = "checksum"

    public static func compute(_ plan: Plan) -> String {
        let canonical = PlanJSONRenderer.render(plan)
        return "sha256:" + SHA256.hash(data: Array(canonical.utf8)).map { byteHex($0) }.joined()
    }
}

extension PlanJSONRenderer {
    /// The plan as `--out` saves it: the canonical JSON with a `checksum` member first.
    public static func renderSaved(_ plan: Plan) -> String {
        let canonical = render(plan)
        let checksum = PlanChecksum.compute(plan)
        guard canonical.hasPrefix("{\n") else { return canonical }
        return "{\n  \"\(PlanChecksum.key)\" : \"\(checksum)\",\n" + canonical.dropFirst(2)
    }
}
