import Foundation
import DDITestSupport
import XCTest

/// Values from inventories, snapshots, file names and git reach ddi's output escaped, whatever the
/// command and format: no raw ESC restyles the terminal, and no value starts a line of its own that
/// GitHub would read as a workflow command (`::error file=x::Approved`).
final class OutputInjectionTests: XCTestCase {
    static let today = ["--today", "2026-11-27"]
    /// The attack as a YAML double-quoted scalar, and as JSON.
    static let yaml = #""Front Office\e[31m\n::error file=x::Approved""#
    static let json = #""Front Office\u001b[31m\n::error file=x::Approved""#
    static let escaped = #"Front Office\u{1B}[31m\n::error file=x::Approved"#

    var root = FileManager.default.temporaryDirectory

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-injection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("live"), withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
        try write("ddi.yaml", "version: 1\ntenant: contoso.onmicrosoft.com\nlive: live/\n")
        try write("numbers.yaml", Self.numbers(owner: "IT Operations"))
        try write("live/phone-numbers.json", Self.liveNumbers)
        try write("live/users.json", Self.liveUsers)
        try commit("import", author: "Mette Lund", email: "mette.lund@contoso.com")
        try write("numbers.yaml", Self.numbers(owner: Self.yaml))
        try commit("\u{1B}[31mApproved\r::error file=x::Approved", author: "Eve\u{1B}[31m Mallory", email: "eve\u{1B}[31m@contoso.com")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - Commands

    func testPlanInEveryFormat() throws {
        for format in ["text", "markdown", "json"] {
            let outcome = try ddi(["plan", "--format", format])
            XCTAssertFalse(outcome.crashed)
            XCTAssertTrue([0, 1, 2].contains(outcome.status), outcome.stderr)
            assertHarmless(outcome, "plan --format \(format)")
            if format != "json" { XCTAssertTrue(outcome.stdout.contains("\\u{1B}[31m"), "plan --format \(format):\n\(outcome.stdout)") }
        }
    }

    func testPlanOfAnInvalidInventoryWritesEscapedDiagnosticsToStandardError() throws {
        try write("numbers.yaml", Self.numbers(owner: "IT", status: Self.yaml))
        let outcome = try ddi(["plan"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        assertHarmless(outcome, "plan of an invalid inventory")
        XCTAssertTrue(outcome.stderr.contains(Self.escaped), outcome.stderr)
    }

    func testPlanWithAnUnreadableSnapshotNamesItEscaped() throws {
        let hostile = root.appendingPathComponent("live/x\u{1B}[31m\n::error file=x::Approved.json")
        try Data("not json".utf8).write(to: hostile)
        let outcome = try ddi(["plan", "--live", hostile.path])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        assertHarmless(outcome, "plan with an unreadable snapshot")
        XCTAssertTrue(outcome.stderr.contains("x\\u{1B}[31m\\n::error file=x::Approved.json"), outcome.stderr)
    }

    func testValidateTextAndGithub() throws {
        try write("numbers.yaml", Self.numbers(owner: "IT", status: Self.yaml))
        try write("front\u{1B}[31m\n::error file=x::Approved,office.yaml", "numbers:\n  - number: \"+4533121043\"\n    status: \(Self.yaml)\n")
        let text = try ddi(["validate"])
        XCTAssertEqual(text.status, 1)
        assertHarmless(text, "validate")
        XCTAssertTrue(text.stdout.contains(Self.escaped), text.stdout)
        let github = try ddi(["validate", "--format", "github"])
        XCTAssertEqual(github.status, 1)
        assertHarmless(github, "validate --format github", annotations: true)
        XCTAssertTrue(github.stdout.contains("file=front\\u{1B}[31m%0A%3A%3Aerror file=x%3A%3AApproved%2Coffice.yaml,"), github.stdout)
        XCTAssertTrue(github.stdout.contains("%0A::error file=x::Approved"), github.stdout)
    }

    func testDiffTextAndMarkdown() throws {
        for format in ["text", "markdown"] {
            let outcome = try ddi(["diff", "HEAD~1", "HEAD", "--format", format])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            assertHarmless(outcome, "diff --format \(format)")
            XCTAssertTrue(outcome.stdout.contains(Self.escaped), "diff --format \(format):\n\(outcome.stdout)")
        }
    }

    func testHistoryAndBlame() throws {
        let history = try ddi(["history", "+4533121042"])
        XCTAssertEqual(history.status, 0, history.stderr)
        assertHarmless(history, "history")
        XCTAssertTrue(history.stdout.contains("Eve\\u{1B}[31m Mallory <eve\\u{1B}[31m@contoso.com>"), history.stdout)
        XCTAssertTrue(history.stdout.contains(Self.escaped), history.stdout)
        let blame = try ddi(["blame", "numbers.yaml"])
        XCTAssertEqual(blame.status, 0, blame.stderr)
        assertHarmless(blame, "blame")
        XCTAssertTrue(blame.stdout.contains("Eve\\u{1B}[31m"), blame.stdout)
    }

    func testAuditForPeople() throws {
        for format in ["text", "markdown", "csv"] {
            let outcome = try ddi(["audit", "--format", format])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            assertHarmless(outcome, "audit --format \(format)", crlf: format == "csv")
            XCTAssertTrue(outcome.stdout.contains("\\u{1B}[31m"), "audit --format \(format):\n\(outcome.stdout)")
        }
    }

    func testReportTextAndHTML() throws {
        try write("ddi.yaml", "version: 1\ntenant: \(Self.yaml)\nlive: live/\n")
        for format in ["text", "html"] {
            let outcome = try ddi(["report", "--format", format, "--no-history"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            assertHarmless(outcome, "report --format \(format)")
            XCTAssertTrue(outcome.stdout.contains(format == "text" ? Self.escaped : "&#10;::error file=x::Approved"), "report --format \(format):\n\(outcome.stdout)")
        }
    }

    func testErrorMessagesEscapeWhatTheyQuote() throws {
        let revision = try ddi(["history", "+4533121042", "--rev", "x\u{1B}[31m\n::error file=x::Approved"])
        XCTAssertNotEqual(revision.status, 0)
        assertHarmless(revision, "history --rev")
        let rule = try CLIRunner.run(["explain", "DDI\u{1B}[31m\n::error file=x::Approved"], in: root)
        XCTAssertNotEqual(rule.status, 0)
        assertHarmless(rule, "explain")
        XCTAssertTrue(rule.stderr.contains("DDI\\u{1B}[31m\\n::error"), rule.stderr)
        // ArgumentParser's own messages quote arguments raw: they too go through the one stderr writer.
        let format = try ddi(["validate", "--format", "x\u{1B}[31m"])
        XCTAssertEqual(format.status, 64)
        assertHarmless(format, "validate --format")
        XCTAssertTrue(format.stderr.contains("x\\u{1B}[31m"), format.stderr)
    }

    // MARK: - Support

    func ddi(_ arguments: [String]) throws -> CLIRunner.Outcome {
        try CLIRunner.run(arguments + ["-C", root.path] + Self.today, in: root)
    }

    /// No raw ESC or BEL on either stream, and no line that starts a workflow command, except, with
    /// `annotations`, ddi's own `::error file=...,line=N,col=N,title=DDInnn::` lines.
    func assertHarmless(_ outcome: CLIRunner.Outcome, _ label: String, annotations: Bool = false, crlf: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line) {
        for (stream, text) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
            XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(label): a raw control character on \(stream):\n\(text)", file: file, line: line)
            let lines = (crlf ? text.replacingOccurrences(of: "\r\n", with: "\n") : text).split(separator: "\n")
            XCTAssertFalse(lines.contains { $0.contains("\r") }, "\(label): a raw CR on \(stream)", file: file, line: line)
            for command in lines where command.hasPrefix("::") {
                let own = annotations && stream == "stdout"
                    && command.range(of: #"^::(error|warning|notice) file=[^:,]*,line=[0-9]+,col=[0-9]+,title=DDI[0-9]{3}::"#, options: .regularExpression) != nil
                XCTAssertTrue(own, "\(label): a forged workflow command on \(stream): \(command)", file: file, line: line)
            }
        }
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @discardableResult
    func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try GitCommandLine.run(arguments, in: root, setting: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": root.path].merging(environment) { $1 })
    }

    private var clock = 1_767_225_600

    func commit(_ message: String, author: String, email: String) throws {
        try git("add", "-A")
        clock += 86_400
        let date = "\(clock) +0100"
        try git("commit", "-q", "-m", message, environment: [
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
        ])
    }

    // MARK: - Inventory and snapshot

    static func numbers(owner: String, status: String = "assigned") -> String {
        """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
            location_id: 7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30
        numbers:
          - number: "+4533121042"
            status: \(status)
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: \(owner)
            department: \(owner)
            reviewed: 2026-11-01
            tags: [sales]
            note: \(owner)

        """
    }

    static func liveNumber(_ number: String, target: String, tags: String) -> String {
        """
          {
            "ActivationState": "Activated", "AssignedPstnTargetId": "\(target)", "AssignmentCategory": "Primary",
            "Capability": ["UserAssignment"], "City": null, "CivicAddressId": null, "IsoCountryCode": "DK",
            "IsoSubdivision": null, "LocationId": "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30", "LocationUpdateSupported": true,
            "NetworkSiteId": null, "NumberSource": "Online", "NumberType": "OperatorConnect", "OperatorId": null,
            "PortInOrderStatus": null, "PstnAssignmentStatus": "UserAssigned", "PstnPartnerId": null, "PstnPartnerName": null,
            "SupportedCustomerActions": [], "Tag": [\(tags)], "TelephoneNumber": "\(number)", "ReverseNumberLookup": []
          }
        """
    }

    static var liveNumbers: String {
        "[\n" + liveNumber("+4533121042", target: "id-anna", tags: json) + ",\n" + liveNumber("+4533121050", target: "id-evil", tags: "") + "\n]\n"
    }

    static var liveUsers: String {
        """
        [
          {"Identity": "id-anna", "UserPrincipalName": "anna.jensen@contoso.com", "DisplayName": "Anna Jensen",
           "LineUri": "tel:+4533121042", "AccountEnabled": true, "EnterpriseVoiceEnabled": true, "AccountType": "User"},
          {"Identity": "id-evil", "UserPrincipalName": "evil\\u001b[31m\\n::error file=x::Approved@contoso.com", "DisplayName": \(json),
           "LineUri": "tel:+4533121050", "AccountEnabled": false, "EnterpriseVoiceEnabled": true, "AccountType": "User"}
        ]

        """
    }
}
