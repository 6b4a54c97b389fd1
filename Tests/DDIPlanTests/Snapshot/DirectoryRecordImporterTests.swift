import Foundation
import XCTest
@testable import DDIPlan

final class DirectoryRecordImporterTests: XCTestCase {
    /// The byte search of an ASCII UPN answers as Foundation's `contains` does, and anything else
    /// is still asked of Foundation.
    func testTheAtSearchAgreesWithFoundation() {
        for upn in ["user@contoso.com", "user.contoso.com", "", "@", "a@", "@a", "user@\u{301}contoso.com", "é@contoso.com", "ü.contoso", "user\u{FF20}contoso"] {
            XCTAssertEqual(DirectoryRecordImporter.containsAt(upn), upn.contains("@"), upn)
        }
    }

    func testEveryAccountOfAnExportCarryingTheSameColumnsReportsTheSameSet() throws {
        let text = """
        [{"UserPrincipalName": "a@contoso.com", "Identity": "1", "AccountEnabled": true, "UsageLocation": "DE"},
         {"UserPrincipalName": "b@contoso.com", "Identity": "2", "AccountEnabled": false, "UsageLocation": "NL"},
         {"UserPrincipalName": "c@contoso.com", "Identity": "3", "EnterpriseVoiceEnabled": true, "OnlineVoiceRoutingPolicy": "", "AccountType": "User", "AssignedPlan": []}]
        """
        let snapshot = try SnapshotLoader.read([SnapshotSource(path: "users.json", bytes: Array(text.utf8))])
        XCTAssertEqual(snapshot.accounts.map(\.reported), [
            [.accountEnabled, .usageLocation], [.accountEnabled, .usageLocation],
            [.enterpriseVoiceEnabled, .voiceRoutingPolicy, .accountType, .licences],
        ])
    }
}
