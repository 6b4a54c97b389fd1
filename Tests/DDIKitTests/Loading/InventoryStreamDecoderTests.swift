import XCTest
@testable import DDIKit

/// The event-stream decoder must see exactly what the tree decoder sees: same entries, same
/// diagnostics, on ordinary and on odd input.
final class InventoryStreamDecoderTests: XCTestCase {
    static let documents: [String] = [
        "",
        "# only a comment\n",
        "numbers:\n  - number: \"+4533121000\"\n    status: free\n",
        "numbers:\n  - {number: \"+4533121000\", status: free}\n  - number: +4533121001\n    status: reserved\n    until: 2026-09-30\n    reason: x\n",
        "numbers:\n  - &a\n    number: \"+4533121000\"\n    status: free\n  - *a\n",
        "numbers:\n  - number: \"+4533121000\"\n    status: &s free\n  - number: \"+4533121001\"\n    status: *s\n",
        "numbers:\n  - number: \"+4533121000\"\n    number: \"+4533121001\"\n    status: free\n",
        "numbers:\n  - number: \"+4533121000\"\n    stauts: free\n",
        "numbers:\n  - \"+4533121000\"\n  - [1, 2]\n  - number: [1]\n    status: {a: b}\n",
        "numbers: free\n",
        "numbers:\nranges:\n",
        "numbers: []\nnumbers: []\n",
        "- a\n- b\n",
        "numbrs: []\n",
        "? [complex, key]\n: value\n",
        "numbers: &list\n  - number: \"+4533121000\"\n    status: free\n",
        "numbers:\n  - number: \"+4533121000\"\n    status: free\n    tags: [a, b]\n    handover: maybe\n  - {? [x] : y}\n",
        "ranges:\n  - id: cph\n    block: \"+4533121000..+4533121999\"\n    source: operator-connect\n    country: DK\nrouting:\n  - id: aa\n    type: auto-attendant\n    resource_account: aa@contoso.com\n",
        "numbers:\n  - number: \"+4533121000\n",
        "a: 1\n---\nb: 2\n",
    ]

    func testStreamingAndTreeDecodingAgree() {
        for (index, text) in Self.documents.enumerated() {
            let bytes = Array(text.utf8)
            var streaming = InventoryFileDecoder()
            let streamed = streaming.decode(bytes: bytes, path: "f.yaml")
            var tree = InventoryFileDecoder()
            let built: InventoryFile
            switch YAMLParser.parse(bytes, file: "f.yaml") {
            case .success(let root): built = tree.decode(root, path: "f.yaml")
            case .failure(let error):
                tree.reader.report(error.message, at: error.location)
                built = InventoryFile(path: "f.yaml")
            }
            let label = "document \(index): \(text.debugDescription)"
            XCTAssertEqual(streaming.reader.diagnostics.sorted(by: Diagnostic.presentationOrder), tree.reader.diagnostics.sorted(by: Diagnostic.presentationOrder), label)
            XCTAssertEqual(streamed.numbers.map(\.text), built.numbers.map(\.text), label)
            XCTAssertEqual(streamed.numbers.map { $0.status?.value }, built.numbers.map { $0.status?.value }, label)
            XCTAssertEqual(streamed.numbers.map(\.location), built.numbers.map(\.location), label)
            XCTAssertEqual(streamed.numbers.map(\.writtenKeys), built.numbers.map(\.writtenKeys), label)
            XCTAssertEqual(streamed.ranges.map(\.id), built.ranges.map(\.id), label)
            XCTAssertEqual(streamed.routing.map(\.id), built.routing.map(\.id), label)
        }
    }
}
