import XCTest
@testable import DDIGit

/// Author and committer as git takes them: environment first, then configuration, else an error.
final class GitIdentityTests: XCTestCase {
    let config: [String: String] = ["user.name": "Config Person", "user.email": "config@contoso.com"]

    func resolve(_ environment: [String: String], config: [String: String]) throws -> GitIdentity {
        try GitIdentity.resolve(environment: environment, config: { config[$0] }, now: Date(timeIntervalSince1970: 1_767_225_600))
    }

    func testEnvironmentComesFirst() throws {
        let identity = try resolve([
            "GIT_AUTHOR_NAME": "Ole Hansen", "GIT_AUTHOR_EMAIL": "ole.hansen@contoso.com", "GIT_AUTHOR_DATE": "2026-08-11T10:15:00+01:00",
            "GIT_COMMITTER_NAME": "ddi-bot", "GIT_COMMITTER_EMAIL": "ddi-bot@contoso.com", "GIT_COMMITTER_DATE": "@1786439700 +0200",
        ], config: config)
        XCTAssertEqual(identity.author, GitSignature(name: "Ole Hansen", email: "ole.hansen@contoso.com", time: 1_786_439_700, offsetMinutes: 60))
        XCTAssertEqual(identity.committer, GitSignature(name: "ddi-bot", email: "ddi-bot@contoso.com", time: 1_786_439_700, offsetMinutes: 120))
    }

    func testConfigurationWhenTheEnvironmentIsSilent() throws {
        let identity = try resolve(["GIT_AUTHOR_NAME": ""], config: config)
        XCTAssertEqual(identity.author.name, "Config Person")
        XCTAssertEqual(identity.committer.email, "config@contoso.com")
        XCTAssertEqual(identity.author.time, 1_767_225_600)
        // author.* / committer.* win over user.*, as in git.
        let specific = try resolve([:], config: config.merging(["committer.name": "Release Robot"]) { $1 })
        XCTAssertEqual(specific.committer.name, "Release Robot")
        XCTAssertEqual(specific.author.name, "Config Person")
    }

    func testNoIdentityIsAClearError() {
        XCTAssertThrowsError(try resolve(["GIT_AUTHOR_NAME": "Ole Hansen"], config: [:])) { error in
            XCTAssertEqual(error as? GitIdentityError, .missing(role: "author", field: "email"))
            XCTAssertTrue("\(error)".contains("git config user.name and user.email"), "\(error)")
        }
    }

    func testDatesGitReads() {
        XCTAssertEqual(GitDate.parse("1786439700 +0100").map { [$0.0, Int64($0.1)] }, [1_786_439_700, 60])
        XCTAssertEqual(GitDate.parse("2026-08-11 10:15:00 -0230").map { [$0.0, Int64($0.1)] }, [1_786_452_300, -150])
        XCTAssertEqual(GitDate.parse("2026-08-11T09:15:00Z").map { [$0.0, Int64($0.1)] }, [1_786_439_700, 0])
        XCTAssertEqual(GitDate.parse("Tue, 11 Aug 2026 10:15:00 +0100").map { [$0.0, Int64($0.1)] }, [1_786_439_700, 60])
        XCTAssertNil(GitDate.parse("next tuesday"))
        // GIT_AUTHOR_DATE is the user's text: a clock out of range is no date, never an overflow.
        XCTAssertNil(GitDate.parse("Tue, 11 Aug 2026 9999999999999999:00:00 +0100"))
        XCTAssertNil(GitDate.parse("Tue, 11 Aug 2026 25:00:00 +0100"))
        XCTAssertThrowsError(try resolve(["GIT_AUTHOR_DATE": "yesterday"], config: config)) { error in
            XCTAssertEqual(error as? GitIdentityError, .badDate(variable: "GIT_AUTHOR_DATE", value: "yesterday"))
        }
    }
}
