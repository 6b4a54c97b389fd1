import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// `snapshot pull` deletes only files it recognises as exports: the recognition must agree with the
/// loader on every export, and say no to everything else.
final class SnapshotRecognitionTests: XCTestCase {
    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: Fixtures.path("snapshots/" + relative)), relative))
    }

    func testEveryValidExportIsRecognisedAsTheLoaderReadsIt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("snapshots/valid")).sorted()
        XCTAssertGreaterThan(names.count, 8)
        for name in names {
            let source = SnapshotSource(path: name, bytes: try bytes("valid/" + name))
            XCTAssertEqual(SnapshotLoader.recognisedFormat(of: source.bytes), SnapshotLoader.parse(source).format, name)
        }
        // An export with a bad record is still an export.
        XCTAssertEqual(SnapshotLoader.recognisedFormat(of: try bytes("malformed/bad-number.json")), .teamsJSON)
    }

    func testAnythingElseIsNotAnExport() throws {
        for name in ["empty.json", "not-objects.json", "unknown-content.json", "truncated.json", "trailing-garbage.json", "binary.csv"] {
            XCTAssertNil(SnapshotLoader.recognisedFormat(of: try bytes("malformed/" + name)), name)
        }
        for text in ["version: 1\nlive: live/\n", "# Notes\n\nPull every Monday.\n", "{}", #"{"settings": {"theme": "dark"}}"#, "a,b,c\n1,2,3\n"] {
            XCTAssertNil(SnapshotLoader.recognisedFormat(of: Array(text.utf8)), text)
        }
    }
}
