import DDIKit
import XCTest
@testable import DDIPlan

/// A field of the wrong JSON type is an error for its record, never a default.
final class SnapshotTypingTests: XCTestCase {
    func parse(_ json: String, file: String = "numbers.json") -> SnapshotLoader.Parsed {
        SnapshotLoader.parse(SnapshotSource(path: file, bytes: Array(json.utf8)))
    }

    let good = #"{"TelephoneNumber": "+4533121001", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}"#

    func record(_ fields: String) -> String {
        #"{"TelephoneNumber": "+4533121000", "NumberType": "DirectRouting", \#(fields)}"#
    }

    func assertRecordError(_ fields: String, field: String, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        let parsed = parse("[\n" + record(fields) + ",\n" + good + "\n]")
        XCTAssertEqual(parsed.numbers.map(\.number.description), ["+4533121001"], "the bad record is dropped, the rest is read", file: file, line: line)
        XCTAssertEqual(parsed.problems.count, 1, "\(parsed.problems)", file: file, line: line)
        let problem = parsed.problems.first
        XCTAssertEqual(problem?.file, "numbers.json", file: file, line: line)
        XCTAssertEqual(problem?.record, 1, file: file, line: line)
        XCTAssertEqual(problem?.number, "+4533121000", file: file, line: line)
        XCTAssertEqual(problem?.field, field, file: file, line: line)
        XCTAssertTrue(problem?.message.contains(text) ?? false, "\(String(describing: problem))", file: file, line: line)
    }

    func testATargetIdThatIsANumberIsAnError() {
        assertRecordError(#""PstnAssignmentStatus": "UserAssigned", "AssignedPstnTargetId": 5"#,
                          field: "AssignedPstnTargetId", contains: "expected text, found the number 5")
    }

    func testATargetIdThatIsAnObjectOrAListIsAnError() {
        assertRecordError(#""PstnAssignmentStatus": "UserAssigned", "AssignedPstnTargetId": {"id": "x"}"#,
                          field: "AssignedPstnTargetId", contains: "found an object")
        assertRecordError(#""PstnAssignmentStatus": "UserAssigned", "AssignedPstnTargetId": ["x"]"#,
                          field: "AssignedPstnTargetId", contains: "found a list")
    }

    func testAWrongTypedTargetOfAnUnassignedNumberIsStillAnError() {
        assertRecordError(#""PstnAssignmentStatus": "Unassigned", "AssignedPstnTargetId": true"#,
                          field: "AssignedPstnTargetId", contains: "expected text, found true")
    }

    func testAStatusThatIsANumberIsNeverUnassigned() {
        assertRecordError(#""PstnAssignmentStatus": 5"#, field: "PstnAssignmentStatus", contains: "-EnumsAsStrings")
        assertRecordError(#""PstnAssignmentStatus": 0"#, field: "PstnAssignmentStatus", contains: "-EnumsAsStrings")
    }

    func testStatusTypeAndCategoryOfTheWrongTypeAreErrors() {
        assertRecordError(#""PstnAssignmentStatus": {"value": "Unassigned"}"#, field: "PstnAssignmentStatus", contains: "found an object")
        assertRecordError(#""PstnAssignmentStatus": false"#, field: "PstnAssignmentStatus", contains: "found false")
        assertRecordError(#""PstnAssignmentStatus": "UserAssigned", "AssignedPstnTargetId": "a", "AssignmentCategory": ["Primary"]"#,
                          field: "AssignmentCategory", contains: "found a list")
        let wrongType = parse("[" + #"{"TelephoneNumber": "+4533121000", "NumberType": [], "PstnAssignmentStatus": "Unassigned"}"# + "]")
        XCTAssertEqual(wrongType.problems.map(\.field), ["NumberType"])
        XCTAssertEqual(wrongType.numbers, [])
    }

    func testOtherTextFieldsOfTheWrongTypeAreErrors() {
        assertRecordError(#""PstnAssignmentStatus": "Unassigned", "LocationId": 12"#, field: "LocationId", contains: "found the number 12")
        assertRecordError(#""PstnAssignmentStatus": "Unassigned", "IsoCountryCode": {"a": 1}"#, field: "IsoCountryCode", contains: "found an object")
        let users = parse(#"[{"UserPrincipalName": "anna@contoso.com", "Identity": 42}]"#, file: "users.json")
        XCTAssertEqual(users.accounts, [])
        XCTAssertEqual(users.problems.map(\.field), ["Identity"])
    }

    func testATelephoneNumberThatIsANumberIsOneProblem() {
        let parsed = parse("[" + #"{"TelephoneNumber": 4533121000, "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}"# + "]")
        XCTAssertEqual(parsed.problems.count, 1, "\(parsed.problems)")
        XCTAssertEqual(parsed.problems.first?.field, "TelephoneNumber")
        XCTAssertTrue(parsed.problems.first?.message.contains("found the number 4533121000") ?? false)
    }

    func testTagsAndTextAreBounded() {
        let tags = (1...51).map { "\"t\($0)\"" }.joined(separator: ", ")
        assertRecordError(#""PstnAssignmentStatus": "Unassigned", "Tag": [\#(tags)]"#, field: "Tag", contains: "at most 50")
        let fifty = (1...50).map { "\"t\($0)\"" }.joined(separator: ", ")
        XCTAssertEqual(parse("[" + record(#""PstnAssignmentStatus": "Unassigned", "Tag": [\#(fifty)]"#) + "]").numbers.first?.tags?.count, 50)
        let long = String(repeating: "x", count: 5_000)
        assertRecordError(#""PstnAssignmentStatus": "Unassigned", "LocationId": "\#(long)""#, field: "LocationId", contains: "5000 bytes long")
    }

    func testUTF16SnapshotsFromWindowsPowerShellStayAccepted() {
        let text = "[" + good + "]"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let parsed = SnapshotLoader.parse(SnapshotSource(path: "numbers.json", bytes: bytes))
        XCTAssertEqual(parsed.problems, [])
        XCTAssertEqual(parsed.numbers.count, 1)
    }
}
