import Foundation
import XCTest

/// The CI templates of examples/ci/ (issue 14, item 8). Their syntax is checked by
/// scripts/check-ci-templates.sh in .ci/run (actionlint, the Azure Pipelines schema); these tests hold
/// what they must do for a new user.
final class CITemplateTests: XCTestCase {
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The steps of a template: each `- ` item at `indent`, with the lines below it.
    static func steps(_ text: String) -> [String] {
        var steps: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("- ") && (trimmed.hasPrefix("- name:") || trimmed.hasPrefix("- uses:") || trimmed.hasPrefix("- script:")
                || trimmed.hasPrefix("- task:") || trimmed.hasPrefix("- publish:") || trimmed.hasPrefix("- checkout:")) {
                steps.append(String(line))
            } else if !steps.isEmpty {
                steps[steps.count - 1] += "\n" + line
            }
        }
        return steps
    }

    func testEveryJobInstallsTheLibrariesAndUsesACachedBuild() throws {
        for (path, cache) in [("examples/ci/github-actions.yml", "uses: actions/cache@"), ("examples/ci/azure-pipelines.yml", "task: Cache@2")] {
            let text = try Self.text(path)
            let installs = text.components(separatedBy: "apt-get install -y -qq libgit2-dev libyaml-dev").count - 1
            XCTAssertEqual(installs, 2, "\(path): both jobs install libgit2-dev and libyaml-dev")
            XCTAssertEqual(text.components(separatedBy: cache).count - 1, 2, "\(path): both jobs cache the ddi build")
            let builds = Self.steps(text).filter { $0.contains("swift build -c release") }
            XCTAssertEqual(builds.count, 2, path)
            for build in builds {
                XCTAssertTrue(build.contains("cache-hit != 'true'") || build.contains("ne(variables.DDI_CACHE_HIT, 'true')"), "\(path): builds only on a cache miss:\n\(build)")
            }
        }
    }

    func testThePullRequestCommentHoldsDiffAndPlanAndIsPostedWhenThePlanFails() throws {
        for (path, always) in [("examples/ci/github-actions.yml", "if: ${{ !cancelled() }}"), ("examples/ci/azure-pipelines.yml", "condition: succeededOrFailed()")] {
            let steps = Self.steps(try Self.text(path))
            let plan = try XCTUnwrap(steps.first { $0.contains("--format markdown > plan.md") }, path)
            let diff = try XCTUnwrap(steps.first { $0.contains("--format markdown > diff.md") }, path)
            let comment = try XCTUnwrap(steps.first { $0.contains("cat diff.md") && $0.contains("cat plan.md") }, "\(path): the comment holds the diff and the plan")
            for step in [plan, diff, comment] {
                XCTAssertTrue(step.contains(always), "\(path): runs after a failed validation or plan:\n\(step)")
            }
        }
        let post = try XCTUnwrap(Self.steps(try Self.text("examples/ci/github-actions.yml")).first { $0.contains("sticky-pull-request-comment") })
        XCTAssertTrue(post.contains("if: ${{ !cancelled() }}") && post.contains("path: comment.md"), post)
    }

    func testCIRunsTheReadmeTestCommandAndLintsTheTemplates() throws {
        let run = try Self.text(".ci/run")
        XCTAssertTrue(run.contains("\nswift test\n"), "the README's test command")
        XCTAssertTrue(run.contains("\nbash scripts/check-ci-templates.sh\n"))
        let check = try Self.text("scripts/check-ci-templates.sh")
        XCTAssertTrue(check.contains("actionlint examples/ci/github-actions.yml") && check.contains("vendor.azure-pipelines examples/ci/azure-pipelines.yml"))
    }
}
