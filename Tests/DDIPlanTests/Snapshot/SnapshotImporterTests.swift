import DDIKit
import DDITestSupport
import XCTest
@testable import DDIPlan

final class SnapshotImporterTests: XCTestCase {
    // MARK: formats

    func testTeamsJSONReadsEveryField() throws {
        let snapshot = try Fixtures.snapshot("valid/teams.json")
        XCTAssertEqual(snapshot.files.map(\.format), [.teamsJSON])
        XCTAssertEqual(snapshot.files.first?.records, 3)
        XCTAssertTrue(snapshot.files.first?.sha256.hasPrefix("sha256:") == true)
        XCTAssertEqual(snapshot.numbers.map(\.number.description), ["+4533121042", "+4533121043", "+4538401100;ext=21"])
        let anna = snapshot.numbers[0]
        XCTAssertEqual(anna.numberType, .operatorConnect)
        XCTAssertEqual(anna.status, .userAssigned)
        XCTAssertEqual(anna.targetID, "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6", "object ids are lowercased")
        XCTAssertEqual(anna.category, .primary)
        XCTAssertEqual(anna.locationID, "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30")
        XCTAssertEqual(anna.tags, ["sales", "vip"])
        XCTAssertEqual(anna.country, "DK")
        XCTAssertEqual(anna.activationState, .activated)
        XCTAssertEqual(anna.origin, RecordOrigin(file: "teams.json", record: 1))
        let free = snapshot.numbers[1]
        XCTAssertEqual(free.status, .unassigned)
        XCTAssertNil(free.targetID)
        XCTAssertNil(free.category)
        let extensionNumber = snapshot.numbers[2]
        XCTAssertEqual(extensionNumber.numberType, .directRouting)
        XCTAssertEqual(extensionNumber.category, .private)
        XCTAssertEqual(extensionNumber.tags, [], "Tag: null means no tags")
    }

    func testASingleObjectIsOneRecord() throws {
        let snapshot = try Fixtures.snapshot("valid/teams-single.json")
        XCTAssertEqual(snapshot.numbers.count, 1)
        XCTAssertEqual(snapshot.numbers.first?.status, .voiceApplicationAssigned)
        XCTAssertNil(snapshot.numbers.first?.tags, "no Tag property: tags unknown")
    }

    func testUTF16WithBOMAsWindowsPowerShellWritesIt() throws {
        let snapshot = try Fixtures.snapshot("valid/teams-utf16.json")
        XCTAssertEqual(snapshot.numbers.first?.number.description, "+4533121000")
    }

    func testExportCsvWithTypeLineBOMAndObjectColumns() throws {
        let snapshot = try Fixtures.snapshot("valid/teams-object-columns.csv")
        XCTAssertEqual(snapshot.files.map(\.format), [.teamsCSV])
        XCTAssertEqual(snapshot.numbers.count, 2, "the blank last line is not a record")
        XCTAssertNil(snapshot.numbers[0].tags, "System.Object[] says nothing about the tags")
        XCTAssertEqual(snapshot.numbers[0].targetID, "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6")
        XCTAssertNil(snapshot.numbers[1].locationID, "an empty cell is null")
    }

    func testCsvWithJoinedListsAndSemicolons() throws {
        let snapshot = try Fixtures.snapshot("valid/teams-joined.csv")
        XCTAssertEqual(snapshot.numbers.map(\.number.description), ["+4533121042", "+4533121043", "+4538401100;ext=21"])
        XCTAssertEqual(snapshot.numbers[0].tags, ["sales", "vip"])
        XCTAssertEqual(snapshot.numbers[1].tags, [])
    }

    func testGraphPagesChainedByNextLink() throws {
        let snapshot = try Fixtures.snapshot("valid/graph-page-1.json", "valid/graph-page-2.json")
        XCTAssertEqual(snapshot.files.map(\.format), [.graphPage, .graphPage])
        XCTAssertEqual(snapshot.numbers.map(\.status), [.userAssigned, .unassigned])
        XCTAssertNil(snapshot.numbers[0].tags, "Graph has no tags: not compared")
        XCTAssertEqual(snapshot.numbers[0].category, .primary)
    }

    func testDirectoryExportsJSONAndCSV() throws {
        let snapshot = try Fixtures.snapshot("valid/users.json", "valid/resource-accounts.json")
        XCTAssertEqual(snapshot.files.map(\.format), [.usersJSON, .applicationInstancesJSON])
        XCTAssertTrue(snapshot.hasDirectory)
        XCTAssertEqual(snapshot.accounts.count, 3, "the resource account listed by both exports is one account")
        let aa = try XCTUnwrap(snapshot.accounts.first { $0.upn == "aa-main@contoso.com" })
        XCTAssertTrue(aa.isResourceAccount)
        XCTAssertEqual(aa.applicationID, TeamsApplication.autoAttendant)
        XCTAssertEqual(aa.enabled, true)
        let thomas = try XCTUnwrap(snapshot.accounts.first { $0.upn == "thomas.vang@contoso.com" })
        XCTAssertEqual(thomas.enabled, false)
        XCTAssertEqual(thomas.lineURI, "+4538401100;ext=21")

        let csv = try Fixtures.snapshot("valid/users.csv", "valid/resource-accounts.csv")
        XCTAssertEqual(csv.files.map(\.format), [.usersCSV, .applicationInstancesCSV])
        XCTAssertEqual(csv.accounts.first { $0.upn == "anna.jensen@contoso.com" }?.enabled, true)
        XCTAssertEqual(csv.accounts.first { $0.upn == "thomas.vang@contoso.com" }?.enabled, false)
        XCTAssertEqual(csv.accounts.first { $0.upn == "aa-main@contoso.com" }?.kind, .resourceAccount)
    }

    func testDirectoriesAreSearchedAndEmptyExportsAddNothing() throws {
        let snapshot = try Fixtures.snapshot("valid/empty-array.json", "valid/users.csv")
        XCTAssertEqual(snapshot.files.map(\.format), [.empty, .usersCSV])
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/fabrikam/live")
        let fabrikam = try SnapshotLoader.load(paths: [examples.path])
        XCTAssertEqual(fabrikam.files.count, 5)
        XCTAssertFalse(fabrikam.numbers.isEmpty)
    }

    // MARK: malformed input: every problem names the file, the record and the field

    func testEnumsWrittenAsNumbersNameEnumsAsStrings() {
        let problems = Fixtures.problems("malformed/enums-as-numbers.json")
        XCTAssertEqual(problems.count, 2)
        for problem in problems {
            XCTAssertEqual(problem.file, "enums-as-numbers.json")
            XCTAssertEqual(problem.record, 1)
            XCTAssertEqual(problem.number, "+4533121042")
            XCTAssertTrue(problem.description.contains("-EnumsAsStrings"), problem.description)
        }
        XCTAssertEqual(Set(problems.compactMap(\.field)), ["NumberType", "PstnAssignmentStatus"])
    }

    func testMissingAndWrongValues() {
        assertProblem("malformed/missing-number-type.json", record: 2, field: "NumberType", contains: "missing")
        assertProblem("malformed/bad-number.json", record: 1, field: "TelephoneNumber", contains: "must start with +")
        assertProblem("malformed/missing-target.json", record: 1, field: "AssignedPstnTargetId", contains: "missing")
        assertProblem("malformed/bad-enabled.csv", record: 1, field: "AccountEnabled", contains: "True or False")
        assertProblem("malformed/bad-line-uri.json", record: 1, field: "LineUri", contains: "must start with +")
        assertProblem("malformed/missing-upn.json", record: 1, field: "UserPrincipalName", contains: "missing")
    }

    func testBrokenFilesGetALocatedErrorNeverACrash() {
        assertProblem("malformed/truncated.json", record: nil, field: nil, contains: "not valid JSON")
        assertProblem("malformed/trailing-garbage.json", record: nil, field: nil, contains: "after the end")
        assertProblem("malformed/unknown-content.json", record: nil, field: nil, contains: "cannot tell what this export is")
        assertProblem("malformed/not-objects.json", record: nil, field: nil, contains: "record 1 is not a JSON object")
        assertProblem("malformed/deep.json", record: nil, field: nil, contains: "nested too deeply")
        assertProblem("malformed/empty.json", record: nil, field: nil, contains: "empty")
        assertProblem("malformed/bad-quotes.csv", record: nil, field: nil, contains: "not valid CSV")
        XCTAssertFalse(Fixtures.problems("malformed/binary.csv").isEmpty)
        let truncated = Fixtures.problems("malformed/truncated.json")
        XCTAssertEqual(truncated.first?.line, 3, "the line where the file ends")
    }

    func testSnapshotWideChecks() {
        let duplicates = Fixtures.problems("malformed/duplicate-a.json", "malformed/duplicate-b.json")
        XCTAssertEqual(duplicates.count, 1)
        XCTAssertTrue(duplicates.first?.description.contains("listed twice (first at duplicate-a.json: record 1)") == true, duplicates.description)
        let paging = Fixtures.problems("malformed/graph-page-without-last.json")
        XCTAssertEqual(paging.first?.field, "@odata.nextLink")
        XCTAssertTrue(paging.first?.message.contains("last page is missing") == true)
        let mixed = Fixtures.problems("valid/graph-page-2.json", "valid/graph-page-1.json", "valid/graph-page-2.json")
        XCTAssertTrue(mixed.contains { $0.message.contains("several exports") })
        let missing = Fixtures.problems("does-not-exist.json")
        XCTAssertEqual(missing.first?.message, "no such file or directory")
    }

    func testFuzzedBytesNeverCrash() {
        var generator = SeededGenerator(defaultSeed: 20261130)
        // Printed first: a crash ends the process before any failure message could name the seed.
        print("testFuzzedBytesNeverCrash: \(generator.replay) reproduces this run")
        let seeds: [[UInt8]] = [
            Array("[{\"TelephoneNumber\": \"+4533121042\", \"NumberType\": \"OperatorConnect\", \"Tag\": [\"a\"]}]".utf8),
            Array("TelephoneNumber,NumberType,PstnAssignmentStatus\n+4533121042,OperatorConnect,Unassigned\n".utf8),
        ]
        for seed in seeds {
            for _ in 0..<300 {
                var bytes = seed
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.remove(at: index)
                    default: bytes = Array(bytes.prefix(index))
                    }
                    if bytes.isEmpty { break }
                }
                _ = try? SnapshotLoader.read([SnapshotSource(path: "fuzz", bytes: bytes)])
            }
        }
    }

    private func assertProblem(_ name: String, record: Int?, field: String?, contains text: String, line: UInt = #line) {
        let problems = Fixtures.problems(name)
        guard let problem = problems.first else {
            return XCTFail("\(name) reads without a problem", line: line)
        }
        XCTAssertEqual(problem.file, (name as NSString).lastPathComponent, line: line)
        XCTAssertEqual(problem.record, record, problem.description, line: line)
        XCTAssertEqual(problem.field, field, problem.description, line: line)
        XCTAssertTrue(problem.description.contains(text), "\(problem.description) does not say '\(text)'", line: line)
    }
}
