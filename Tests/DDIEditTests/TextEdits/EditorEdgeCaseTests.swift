import DDIKit
import XCTest
@testable import DDIEdit

final class EditorEdgeCaseTests: XCTestCase {
    let ranges = """
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect
        country: DK

    """

    func testMultiLineValuesAreRemovedWhole() throws {
        let numbers = """
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: Sales
            license: >
              Teams Phone
              Standard
            tags: [a,
                   b]
            note: |
              first line

              third line
          - number: "+4533121043"
            status: free
          - number: "+4533121044"
            status: assigned
            kind: user
            assigned_to: bo@contoso.com
            owner: bo@contoso.com
            license: >
              Teams Phone

              Standard
            tags:
            - a
            - b
            reviewed:
          - number: "+4533121045"
            status: free
        """
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": numbers])
        let released = try Lifecycle.release([try Lifecycle.parseNumber("+4533121044")], in: ws)
        XCTAssertTrue(EditFixtures.text(released, "n.yaml")?.hasSuffix("""
          - number: "+4533121044"
            status: quarantine
            since: 2026-11-27
            note: released from bo@contoso.com on 2026-11-27
          - number: "+4533121045"
            status: free
        """) == true, EditFixtures.text(released, "n.yaml") ?? "")
        XCTAssertTrue(ws.loaded.diagnostics.isEmpty, "\(ws.loaded.diagnostics)")
        // The multi-line note cannot be rewritten in place: the release refuses cleanly.
        XCTAssertThrowsError(try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: ws)) { error in
            XCTAssertTrue("\(error)".contains("spans several lines"), "\(error)")
        }
        let reviewed = try Lifecycle.review([try Lifecycle.parseNumber("+4533121042")], in: ws)
        let text = try XCTUnwrap(EditFixtures.text(reviewed, "n.yaml"))
        XCTAssertTrue(text.contains("           b]\n    reviewed: 2026-11-27\n    note: |\n"), text)
    }

    func testByteOrderMarkAndNonASCIIColumnsAreKept() throws {
        let numbers = "\u{FEFF}numbers:\n  - {note: \"Søren's æøå line\", number: \"+4533121042\", status: assigned, kind: user, assigned_to: s@contoso.com, owner: Økonomi, reviewed: 2026-01-01}\n"
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": numbers])
        XCTAssertTrue(ws.loaded.diagnostics.isEmpty, "\(ws.loaded.diagnostics)")
        let reviewed = try Lifecycle.review([try Lifecycle.parseNumber("+4533121042")], in: ws)
        XCTAssertEqual(EditFixtures.text(reviewed, "n.yaml"), numbers.replacingOccurrences(of: "2026-01-01", with: "2026-11-27"))
    }

    func testEmptyNumbersSectionGetsTheEntry() throws {
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": "numbers: ~   # none yet\nrouting:\n"])
        let result = try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "a@contoso.com", kind: .user, owner: "IT", file: "n.yaml"), in: ws)
        XCTAssertEqual(EditFixtures.text(result, "n.yaml"), """
        numbers: # none yet
          - number: "+4533121000"
            status: assigned
            kind: user
            assigned_to: a@contoso.com
            owner: IT
            reviewed: 2026-11-27
        routing:

        """)
    }

    /// Truncated and mangled files never crash an edit: it either works or is refused.
    func testMangledFilesNeverCrash() throws {
        let contoso = try EditFixtures.contoso()
        guard let sales = contoso.files.first(where: { $0.path == "departments/sales.yaml" }) else { return XCTFail("no sales file") }
        var variants: [[UInt8]] = []
        for cut in stride(from: 0, to: sales.bytes.count, by: 197) { variants.append(Array(sales.bytes[..<cut])) }
        for position in stride(from: 0, to: sales.bytes.count, by: 263) {
            for byte: UInt8 in [0x22, 0x7B, 0x0D, 0x3A, 0xFF] {
                var copy = sales.bytes
                copy[position] = byte
                variants.append(copy)
            }
        }
        for bytes in variants {
            var files = contoso.files
            if let index = files.firstIndex(where: { $0.path == sales.path }) { files[index].bytes = bytes }
            let ws = EditWorkspace(config: contoso.config, files: files, today: contoso.today)
            _ = try? Lifecycle.review([try Lifecycle.parseNumber("+4533121043")], in: ws)
            _ = try? Lifecycle.release([try Lifecycle.parseNumber("+4533121044")], in: ws)
            _ = try? Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "a@contoso.com", kind: .user, owner: "IT", file: sales.path), in: ws)
            _ = try? Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121040..+4533121041"), until: contoso.today, reason: "x", file: sales.path), in: ws)
        }
    }

    func testFirstFieldOnTheDashLineCanBeRemoved() throws {
        let numbers = """
        numbers:
          - kind: user
            number: "+4533121042"
            status: assigned
            assigned_to: anna.jensen@contoso.com
            owner: Sales
        """
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": numbers])
        let released = try Lifecycle.release([try Lifecycle.parseNumber("+4533121042")], in: ws)
        XCTAssertEqual(EditFixtures.text(released, "n.yaml"), """
        numbers:
          - number: "+4533121042"
            status: quarantine
            since: 2026-11-27
            owner: Sales
            note: released from anna.jensen@contoso.com on 2026-11-27
        """)
    }

    func testMalformedFileIsRefusedWithItsLocation() throws {
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": "numbers:\n  - number: \"+4533121042\n"])
        XCTAssertThrowsError(try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "a@contoso.com", kind: .user, owner: "IT", file: "n.yaml"), in: ws)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot edit n.yaml"), "\(error)")
        }
    }

    func testFlowNumbersListIsRefused() throws {
        let ws = EditFixtures.workspace(["r.yaml": ranges, "n.yaml": "numbers: [{number: \"+4533121042\", status: free}]\n"])
        XCTAssertThrowsError(try Lifecycle.allocate(AllocationRequest(rangeID: "cph-hq", assignedTo: "a@contoso.com", kind: .user, owner: "IT", file: "n.yaml"), in: ws)) { error in
            XCTAssertTrue("\(error)".contains("flow list"), "\(error)")
        }
    }

    func testScalarWriterRoundTrips() throws {
        for text in ["plain text", "a: b", "#x", "- x", "null", "~", "", " lead", "tab\there", "quote \" and \\", "line\nbreak", "\u{1}\u{7F}\u{85}\u{2028}é😀", "yes", "x #y", "{a}"] {
            for style in [nil, ScalarStyle.plain, .doubleQuoted, .singleQuoted] {
                let yaml = "v: " + ScalarWriter.render(text, preferred: style, inFlow: false) + "\n"
                guard case .success(let root?) = YAMLParser.parse(Array(yaml.utf8), file: "t"), let scalar = root.pair("v")?.value.scalarValue else {
                    return XCTFail("not parsed: \(yaml)")
                }
                XCTAssertEqual(scalar.text, text, yaml)
                XCTAssertFalse(scalar.isNull, yaml)
            }
        }
    }
}
