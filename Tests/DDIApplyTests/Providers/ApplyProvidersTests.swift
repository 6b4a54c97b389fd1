import XCTest
@testable import DDIApply

/// The registry is what `--provider` and `--help` enumerate.
final class ApplyProvidersTests: XCTestCase {
    func testBothProvidersAreRegisteredUnderTheirNames() throws {
        XCTAssertEqual(ApplyProviders.names, ["powershell", "graph"])
        XCTAssertEqual(Set(ApplyProviders.names).count, ApplyProviders.all.count, "names are unique")
        XCTAssertTrue(try XCTUnwrap(ApplyProviders.named("graph")) == GraphProvider.self)
        XCTAssertTrue(try XCTUnwrap(ApplyProviders.named("powershell")) == PowerShellProvider.self)
        XCTAssertNil(ApplyProviders.named("ftp"))
        XCTAssertNil(ApplyProviders.named("Graph"), "names are exact, as --provider always took them")
    }

    func testHelpListsEveryProvider() {
        XCTAssertEqual(ApplyProviders.help, "powershell (write a script) or graph (call Microsoft Graph).")
        XCTAssertEqual(ApplyProviders.scriptWriterNames, "powershell")
    }

    /// Graph changes the tenant itself (the apply lock); PowerShell writes a script (--script-out).
    func testWhatEachProviderNeedsFromTheCommand() {
        XCTAssertTrue(GraphProvider.holdsApplyLock)
        XCTAssertFalse(GraphProvider.writesScript)
        XCTAssertFalse(PowerShellProvider.holdsApplyLock)
        XCTAssertTrue(PowerShellProvider.writesScript)
    }

    /// Graph leaves tag steps out, decided before any step runs; PowerShell carries every step.
    func testStepsAProviderLeavesOutAreKnownUpFront() {
        let steps = ApplyStepTests.steps(.assign, tags: ["vip"])
        XCTAssertEqual(steps.map(\.operation), [.assign, .addTag])
        XCTAssertEqual(steps.map { GraphProvider.skipReason(for: $0) }, [nil, .tags])
        XCTAssertEqual(steps.map { PowerShellProvider.skipReason(for: $0) }, [nil, nil])
    }
}
