import DDIKit
import Foundation
import XCTest

/// Shell completions: file paths, directories, rule ids, --kind and --format values.
final class CompletionTests: XCTestCase {
    func script(_ shell: String) throws -> String {
        let outcome = try CLIRunner.run(["--generate-completion-script", shell])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return outcome.stdout
    }

    func testBashCompletesRuleIDsKindsFormatsAndPaths() throws {
        let bash = try script("bash")
        for id in RuleCatalog.ids { XCTAssertTrue(bash.contains("'\(id)'"), id) }
        for kind in NumberKind.allCases { XCTAssertTrue(bash.contains("'\(kind.rawValue)'"), kind.rawValue) }
        XCTAssertTrue(bash.contains("'text'$'\\n''markdown'$'\\n''json'"), "plan --format values")
        XCTAssertTrue(bash.contains("'text'$'\\n''json'$'\\n''github'$'\\n''sarif'"), "validate --format values")
        XCTAssertTrue(bash.contains("-fX '!*.@(yaml|yml)'"), "blame completes inventory files")
        XCTAssertTrue(bash.contains("__ddi_add_completions -d"), "-C completes directories")
    }

    func testZshAndFishToo() throws {
        for shell in ["zsh", "fish"] {
            let text = try script(shell)
            XCTAssertTrue(text.contains("DDI003"), shell)
            XCTAssertTrue(text.contains("auto-attendant"), shell)
        }
    }
}
