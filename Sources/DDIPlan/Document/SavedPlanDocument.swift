import Crypto
import Foundation

/// The file `ddi plan --out FILE` writes and `ddi apply` reads: the plan document with a
/// `checksum` member, `sha256:` over the document's canonical JSON. It catches accidental edits;
/// anyone can recompute it, so `ddi apply` trusts nothing in the file (README "Applying plans").
public struct SavedPlanDocument: Sendable, Equatable {
    public var checksum: String
    public var plan: PlanDocument

    public init(checksum: String, plan: PlanDocument) {
        self.checksum = checksum
        self.plan = plan
    }

    /// The saved form of `plan`, with its checksum.
    public init(_ plan: Plan) throws {
        let document = PlanDocument(plan)
        self.init(checksum: try Self.checksum(of: document), plan: document)
    }

    /// `sha256:` and the hex digest of the document's canonical JSON.
    public static func checksum(of document: PlanDocument) throws -> String {
        let canonical = try document.canonicalJSON()
        return "sha256:" + SHA256.hash(data: Array(canonical.utf8)).map { byteHex($0) }.joined()
    }

    /// True when the plan still hashes to the checksum it was saved with.
    public func isIntact() throws -> Bool { try Self.checksum(of: plan) == checksum }

    /// The file's bytes: the same pretty-printed, key-sorted JSON as the canonical document, with
    /// the `checksum` member in its sorted place.
    public func encoded() throws -> Data {
        var data = try PlanDocument.canonicalEncoder().encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Reads a saved plan. Besides the decoder's errors it throws `MissingChecksum` (a plan printed
    /// with `--format json`, or any JSON object without a checksum string) and
    /// `PlanDocument.UnsupportedVersion`.
    public static func decode(_ data: Data) throws -> SavedPlanDocument {
        try JSONDecoder().decode(SavedPlanDocument.self, from: data)
    }

    /// The JSON object has no `checksum` string: it was not written by `ddi plan --out`.
    public struct MissingChecksum: Error, Equatable {}
}

extension SavedPlanDocument: Codable {
    enum CodingKeys: String, CodingKey { case checksum }

    /// The checksum sits beside the plan's own members, so a saved plan is a plan document too.
    /// It is read first: a plan without one is refused as unsaved before its content is judged.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let checksum = try? container.decode(String.self, forKey: .checksum) else { throw MissingChecksum() }
        self.checksum = checksum
        plan = try PlanDocument(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checksum, forKey: .checksum)
        try plan.encode(to: encoder)
    }
}
