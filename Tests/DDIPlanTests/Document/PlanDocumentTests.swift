import Crypto
import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// The plan's JSON document is its own versioned type: the model converts to it and back without
/// loss, its bytes are the ones the goldens and earlier saved plans were made of, and its strings
/// are the schema's.
final class PlanDocumentTests: XCTestCase {
    static let golden = "examples/contoso/expected-plan.json"

    func goldenData() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path(Self.golden))) }

    func testTheGoldenPlanDecodesAndEncodesToTheSameBytes() throws {
        let data = try goldenData()
        let document = try JSONDecoder().decode(PlanDocument.self, from: data)
        XCTAssertFalse(document.actions.isEmpty)
        XCTAssertEqual(try document.canonicalJSON(), String(decoding: data, as: UTF8.self))
        // Through the model and back: the conversions lose nothing (the outcome is ddi plan's, not the model's).
        XCTAssertEqual(PlanDocument(document.plan, outcome: document.outcome), document)
        XCTAssertEqual(try PlanDocument(document.plan, outcome: document.outcome).canonicalJSON(), String(decoding: data, as: UTF8.self))
    }

    func testTheChecksumIsSHA256OfTheCanonicalJSONAsBefore() throws {
        // Saved plans stay valid across the change: the checksum is taken over the same bytes.
        let data = try goldenData()
        let document = try JSONDecoder().decode(PlanDocument.self, from: data)
        let expected = "sha256:" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(try SavedPlanDocument.checksum(of: document), expected)
        var withoutOutcome = document
        withoutOutcome.outcome = nil
        XCTAssertEqual(PlanChecksum.compute(document.plan), try SavedPlanDocument.checksum(of: withoutOutcome))
        XCTAssertEqual(try SavedPlanDocument(document.plan).checksum, PlanChecksum.compute(document.plan))
    }

    func testAnotherFormatVersionIsRefusedBeforeItsContentIsRead() {
        for version in [0, 2] {
            let text = #"{"format_version": \#(version), "actions": "not what version 1 has"}"#
            XCTAssertThrowsError(try JSONDecoder().decode(PlanDocument.self, from: Data(text.utf8))) { error in
                XCTAssertEqual(error as? PlanDocument.UnsupportedVersion, PlanDocument.UnsupportedVersion(found: version))
            }
        }
    }

    func testTheSavedPlanIsTheDocumentPlusItsChecksum() throws {
        let plan = try PlanJSONRenderer.decode(try goldenData())
        let saved = try SavedPlanDocument(plan)
        let bytes = try saved.encoded()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        XCTAssertEqual(object["checksum"] as? String, saved.checksum)
        let decoded = try SavedPlanDocument.decode(bytes)
        XCTAssertEqual(decoded, saved)
        XCTAssertTrue(try decoded.isIntact())
        XCTAssertEqual(decoded.plan.plan, plan)
        // Without the checksum line, the file is the --format json document byte for byte.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("  \"checksum\" : ") }.joined(separator: "\n"), try PlanJSONRenderer.render(plan))

        var edited = decoded
        edited.plan.summary.liveAssigned += 1
        XCTAssertFalse(try edited.isIntact())
    }

    func testAPlanWithoutChecksumIsNotASavedPlan() throws {
        let printed = Data(try PlanJSONRenderer.render(try PlanJSONRenderer.decode(try goldenData())).utf8)
        XCTAssertThrowsError(try SavedPlanDocument.decode(printed)) { error in
            XCTAssertTrue(error is SavedPlanDocument.MissingChecksum, "\(error)")
        }
        XCTAssertThrowsError(try SavedPlanDocument.decode(Data(#"{"checksum": 1, "format_version": 1}"#.utf8))) { error in
            XCTAssertTrue(error is SavedPlanDocument.MissingChecksum, "\(error)")
        }
    }

    func testChangesAreTheSchemasStrings() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path("schema/plan.schema.json")))) as? [String: Any])
        let action = try XCTUnwrap((schema["$defs"] as? [String: Any])?["action"] as? [String: Any])
        let changes = try XCTUnwrap((action["properties"] as? [String: Any])?["changes"] as? [String: Any])
        let allowed = try XCTUnwrap((changes["items"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(PlanChange.allCases.map(\.rawValue), allowed)
        XCTAssertThrowsError(try JSONDecoder().decode([PlanChange].self, from: Data(#"["assigned_to", "colour"]"#.utf8)),
                             "a change this ddi does not know is not a plan it can apply")
    }
}
