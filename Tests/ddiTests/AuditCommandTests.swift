import Foundation
import XCTest

final class AuditCommandTests: XCTestCase {
    func testOneRowPerNumberWithItsLastChange() throws {
        let demo = try DemoRepository.path
        let outcome = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "csv", "--no-cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let rows = outcome.stdout.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(rows.first, "number,status,kind,owner,assigned_to,routing,reviewed,file,last_commit,last_author,last_date,last_summary,flags")
        let offboard = try DemoRepository.commit("Offboard rikke.moller")
        let rikke = try XCTUnwrap(rows.first { $0.hasPrefix("+4533121048,") })
        XCTAssertTrue(rikke.contains(",\(offboard),ddi-bot <ddi-bot@contoso.com>,2026-10-16T"), rikke)
        let review = try DemoRepository.commit("Quarterly review of Sales Denmark")
        XCTAssertTrue(try XCTUnwrap(rows.first { $0.hasPrefix("+4533121042,") }).contains(review), outcome.stdout)
        let json = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["rows"] as? [Any])?.count, rows.count - 1)
        let markdown = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.hasPrefix("### Number audit: contoso.onmicrosoft.com at `HEAD`"), markdown)
    }

    /// Renaming sites/cph.yaml moved +4533121007 without changing it: its last change is the commit
    /// that declared it in quarantine, not the rename (issue 14, item 17).
    func testARenameIsNotTheLastChangeOfTheNumbersItMoved() throws {
        let demo = try DemoRepository.path
        let rename = try DemoRepository.commit("Rename sites/cph.yaml")
        let outcome = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "json", "--no-cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        let row = try XCTUnwrap(rows.first { $0["number"] as? String == "+4533121007" })
        let last = try XCTUnwrap(row["last_change"] as? [String: Any])
        XCTAssertNotEqual(last["commit"] as? String, rename)
        // In the demo it was declared in quarantine by the import.
        XCTAssertEqual(last["commit"] as? String, try DemoRepository.commit("Import Contoso's numbers"))
        XCTAssertEqual(last["author"] as? String, "Mette Lund")
        // No number of the renamed file has the rename as its last change.
        XCTAssertFalse(rows.contains { ($0["last_change"] as? [String: Any])?["commit"] as? String == rename })
        // `ddi history` still shows the move.
        let history = try CLIRunner.run(["history", "+4533121007", "-C", demo, "--no-cache", "--format", "json", "--today", "2026-11-27"])
        XCTAssertTrue(history.stdout.contains(rename), history.stdout)
    }

    func testFlags() throws {
        let demo = try DemoRepository.path
        let text = try CLIRunner.run(["audit", "-C", demo, "--today", "2027-06-01"]).stdout
        let reserve = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("+4533121099 ") })
        XCTAssertTrue(reserve.hasSuffix("expired-reservation"), String(reserve))
        XCTAssertTrue(text.split(separator: "\n").contains { $0.hasPrefix("+4533121048 ") && $0.hasSuffix("quarantine-over") })
    }

    /// Resource accounts are disabled for sign-in by design, and the conference bridge is in no
    /// directory export: neither is a disabled or deleted account. The contoso export lists its
    /// resource accounts as Get-CsOnlineUser shows them (AccountType ResourceAccount, AccountEnabled False).
    /// https://learn.microsoft.com/microsoftteams/manage-resource-accounts
    func testResourceAccountsAndTheBridgeAreNotFlaggedWithALiveDirectory() throws {
        let demo = try DemoRepository.path
        let live = CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso/live").path
        let outcome = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "json", "--no-cache", "--live", live])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        let serviceKinds: Set<String> = ["auto-attendant", "call-queue", "resource", "conference", "shared-calling"]
        let service = rows.filter { serviceKinds.contains($0["kind"] as? String ?? "") }
        XCTAssertTrue(service.contains { $0["kind"] as? String == "conference" }, "the demo declares the conference bridge's number")
        XCTAssertTrue(service.contains { $0["kind"] as? String == "call-queue" })
        for row in service {
            let flags = row["flags"] as? [String] ?? []
            XCTAssertFalse(flags.contains("disabled-account") || flags.contains("deleted-account"), "\(row["number"] ?? ""): \(flags)")
        }
        // A disabled user is still flagged: the demo's leaver on a live disabled account.
        XCTAssertTrue(rows.contains { ($0["flags"] as? [String] ?? []).contains("disabled-account") }, "users are still checked")
    }
}
