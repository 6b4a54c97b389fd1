import ArgumentParser
import DDIApply
import DDIEdit
import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import ddi

/// Every error a command throws is reported by `CommandFailure`: its text on standard error and the
/// exit status the error carries (DDIError), in one place.
final class CommandFailureTests: XCTestCase {
    struct Unexpected: Error, CustomStringConvertible {
        var description: String { "disk\n::error file=x::on fire" }
    }

    func testAFailureIsPrefixedByTheCommandThatRanAndExits1() {
        let refusal = CommandFailure.describe(ApplyRefusal("the plan is stale"), command: ApplyCommand.self)
        XCTAssertEqual(refusal.text, "ddi apply: the plan is stale")
        XCTAssertEqual(refusal.status, 1)
        let pull = CommandFailure.describe(GraphError(message: "HTTP 500"), command: SnapshotPullCommand.self)
        XCTAssertEqual(pull.text, "ddi snapshot pull: HTTP 500")
        let edit = CommandFailure.describe(EditError.rangeFull("tiny"), command: AllocateCommand.self)
        XCTAssertEqual(edit.text, "error: range tiny has no free number left")
        XCTAssertEqual(edit.status, 1)
        let plan = CommandFailure.describe(CommandRefusal("the snapshot cannot be read; nothing was planned"), command: PlanCommand.self)
        XCTAssertEqual(plan.text, "ddi plan: the snapshot cannot be read; nothing was planned")
    }

    func testAUsageErrorReadsAsArgumentParsersAndExits64() {
        for error: Error in [EditError.invalidArgument("--count must be positive"), PlanSessionError.noSnapshot,
                             InventoryLoadError.noInventoryRoot("/tmp/x"), ValidationError("--count must be positive")] {
            let usage = CommandFailure.describe(error, command: AllocateCommand.self)
            XCTAssertEqual(usage.status, 64, "\(error)")
            XCTAssertTrue(usage.text.hasPrefix("Error: "), usage.text)
            XCTAssertTrue(usage.text.contains("Usage: "), usage.text)
        }
    }

    func testEditErrorsAreEscapedOntoOneLine() {
        let edit = CommandFailure.describe(EditError.unknownRange("x\n::error file=a::b"), command: ReleaseCommand.self)
        XCTAssertEqual(edit.text, "error: no range with id 'x\\n::error file=a::b'")
    }

    func testAnyOtherErrorOfARunningCommandFailsWithItsTextEscaped() {
        let other = CommandFailure.describe(Unexpected(), command: HistoryCommand.self)
        XCTAssertEqual(other.text, "error: disk\\n::error file=x::on fire")
        XCTAssertEqual(other.status, 1)
        XCTAssertEqual(CommandFailure.describe(ExitCode(2), command: PlanCommand.self).status, 2)
    }

    func testTheExitStatusEachLayerCarries() {
        XCTAssertEqual(InventoryLoadError.liveOutsideRoot("../..").exitStatus, DDIExitStatus.failure)
        XCTAssertEqual(InventoryLoadError.noInventoryRoot("/").exitStatus, DDIExitStatus.usage)
        XCTAssertEqual(PlanSessionError.unreadableInventory("x").exitStatus, DDIExitStatus.usage)
        XCTAssertEqual(SnapshotProblems([SnapshotProblem(file: "n.json", message: "bad\u{1B}[31m")]).message, "error: n.json: bad\\u{1B}[31m")
        XCTAssertEqual(EditError.locked(".ddi/lock").exitStatus, DDIExitStatus.failure)
    }
}
