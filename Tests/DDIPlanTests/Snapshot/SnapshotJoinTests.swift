import XCTest
@testable import DDIPlan

/// Exports' numbers and accounts are joined in file order however large each is (`joinInOrder`
/// keeps the larger array's storage and moves the other in front of or behind it).
final class SnapshotJoinTests: XCTestCase {
    func testJoinKeepsFileOrderWhateverTheSizes() {
        for sizes in [[0], [3], [0, 4], [4, 0], [1, 5], [5, 1], [3, 3], [2, 0, 7, 1], [7, 2, 9, 0, 1]] {
            var joined: [String] = []
            var expected: [String] = []
            for (file, size) in sizes.enumerated() {
                var next = (0..<size).map { "file \(file) record \($0) " + String(repeating: "x", count: 20) }
                expected += next
                SnapshotLoader.joinInOrder(&joined, taking: &next)
                XCTAssertTrue(next.isEmpty, "\(sizes)")
            }
            XCTAssertEqual(joined, expected, "\(sizes)")
        }
    }

    /// The loader reads a directory's exports in name order: a small resource-account export
    /// before 2,000 users still lists its accounts first, as the directory indexes expect.
    func testASmallExportBeforeALargeOneKeepsItsPlace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-join-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let numbers = #"[{"TelephoneNumber": "+4533121042", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "Unassigned"}]"#
        let resource = #"[{"ObjectId": "id-aa", "UserPrincipalName": "aa-main@contoso.com", "DisplayName": "aa", "PhoneNumber": null, "ApplicationId": "ce933385-9390-45d1-9512-c8d228074e07"}]"#
        let users = "[" + (0..<2_000).map {
            #"{"Identity": "id-\#($0)", "UserPrincipalName": "user\#($0)@contoso.com", "AccountEnabled": true, "AccountType": "User"}"#
        }.joined(separator: ",") + "]"
        try Data(numbers.utf8).write(to: root.appendingPathComponent("a-numbers.json"))
        try Data(resource.utf8).write(to: root.appendingPathComponent("b-resource-accounts.json"))
        try Data(users.utf8).write(to: root.appendingPathComponent("c-users.json"))
        let snapshot = try SnapshotLoader.load(paths: [root.path])
        XCTAssertEqual(snapshot.accounts.count, 2_001)
        XCTAssertEqual(snapshot.accounts.first?.objectID, "id-aa")
        XCTAssertEqual(snapshot.accounts.map(\.objectID).dropFirst(), ArraySlice((0..<2_000).map { "id-\($0)" }))
    }
}
