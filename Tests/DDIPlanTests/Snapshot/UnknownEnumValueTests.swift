import DDIKit
import XCTest
@testable import DDIPlan

/// Values this version of ddi does not know (Graph's `unknownFutureValue` and `internalError`, values
/// added later) make one record a warning note, never the whole snapshot unreadable. Broken data (a
/// wrong JSON type, enums written as numbers, not a phone number) stays an error.
/// Enum members: https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment
final class UnknownEnumValueTests: XCTestCase {
    func read(_ records: String, file: String = "numbers.json") throws -> LiveSnapshot {
        try SnapshotLoader.read([SnapshotSource(path: file, bytes: Array(records.utf8))])
    }

    let good = #"{"telephoneNumber": "+4533121001", "numberType": "directRouting", "assignmentStatus": "unassigned"}"#

    func graph(_ fields: String) -> String {
        #"{"@odata.context": "x", "value": [{"telephoneNumber": "+4533121000", \#(fields)}, \#(good)]}"#
    }

    func testAnUnknownActivationStateIsNilWithANote() throws {
        let snapshot = try read(graph(#""numberType": "callingPlan", "assignmentStatus": "unassigned", "activationState": "unknownFutureValue""#))
        XCTAssertEqual(snapshot.numbers.count, 2)
        XCTAssertNil(snapshot.numbers.first { $0.number.description == "+4533121000" }?.activationState)
        let note = try XCTUnwrap(snapshot.notes.first)
        XCTAssertEqual(snapshot.notes.count, 1)
        XCTAssertEqual(note.severity, .warning)
        XCTAssertEqual(note.file, "numbers.json")
        XCTAssertEqual(note.record, 1)
        XCTAssertEqual(note.number, "+4533121000")
        XCTAssertTrue(note.message.contains("activationState") && note.message.contains("unknownFutureValue"), note.message)
    }

    func testAnUnknownNumberTypeOrStatusSkipsTheRecordWithANote() throws {
        for fields in [#""numberType": "internalError", "assignmentStatus": "unassigned""#,
                       #""numberType": "callingPlan", "assignmentStatus": "internalError""#,
                       #""numberType": "callingPlan", "assignmentStatus": "unknownFutureValue", "assignmentTargetId": "x""#] {
            let snapshot = try read(graph(fields))
            XCTAssertEqual(snapshot.numbers.map(\.number.description), ["+4533121001"], fields)
            XCTAssertEqual(snapshot.notes.count, 1, fields)
            XCTAssertTrue(snapshot.notes.first?.message.contains("skipped") ?? false, "\(snapshot.notes)")
        }
    }

    func testAnUnknownCapabilityIsDroppedWithANoteAndTheKnownOnesKept() throws {
        let snapshot = try read(graph(#""numberType": "callingPlan", "assignmentStatus": "unassigned", "capabilities": ["userAssignment", "unknownFutureValue", "holographicAssignment"]"#))
        XCTAssertEqual(snapshot.numbers.first { $0.number.description == "+4533121000" }?.capabilities, [.userAssignment])
        XCTAssertEqual(snapshot.notes.count, 2)
    }

    func testUnknownCategoryManagementAndBlockStateAreNilWithNotes() throws {
        let snapshot = try read(graph(#""numberType": "callingPlan", "assignmentStatus": "userAssigned", "assignmentTargetId": "a", "assignmentCategory": "unknownFutureValue", "numberSource": "unknownFutureValue""#))
        let number = try XCTUnwrap(snapshot.numbers.first { $0.number.description == "+4533121000" })
        XCTAssertNil(number.category)
        XCTAssertNil(number.management)
        XCTAssertEqual(snapshot.notes.count, 2)
    }

    func testFormerlyFatalFixturesNowReadWithNotes() throws {
        let status = try Fixtures.snapshot("malformed/unknown-status.csv")
        XCTAssertTrue(status.numbers.isEmpty)
        XCTAssertEqual(status.notes.map(\.record), [1])
        XCTAssertTrue(status.notes.first?.message.contains("'Borrowed'") ?? false)
        let category = try Fixtures.snapshot("malformed/unknown-category.csv")
        XCTAssertEqual(category.numbers.count, 1)
        XCTAssertTrue(category.notes.first?.message.contains("Primary, Private, Alternate") ?? false)
    }

    func testBrokenDataIsStillAnError() {
        XCTAssertThrowsError(try read(graph(#""numberType": 2, "assignmentStatus": "unassigned""#)))
        XCTAssertThrowsError(try read(graph(#""numberType": "callingPlan", "assignmentStatus": "unassigned", "capabilities": 5"#)))
        XCTAssertThrowsError(try read(graph(#""numberType": "callingPlan", "assignmentStatus": "unassigned", "activationState": ["activated"]"#)))
        XCTAssertThrowsError(try read(#"[{"TelephoneNumber": "4533", "NumberType": "CallingPlan", "PstnAssignmentStatus": "Unassigned"}]"#))
    }
}
