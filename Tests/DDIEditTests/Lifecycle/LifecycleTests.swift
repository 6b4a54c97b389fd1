import DDIKit
import XCTest
@testable import DDIEdit

/// Every lifecycle edit on the contoso example (read from examples/contoso, never written).
final class LifecycleTests: XCTestCase {
    func number(_ text: String) throws -> PhoneNumber { try Lifecycle.parseNumber(text) }

    func day(_ text: String) -> Day { Day(iso: text) ?? EditFixtures.today }

    func request(_ range: String = "cph-hq", count: Int = 1, category: AssignmentCategory? = nil) -> AllocationRequest {
        AllocationRequest(rangeID: range, count: count, assignedTo: "new.hire@contoso.com", kind: .user,
                          owner: "new.hire@contoso.com", department: "Sales", category: category)
    }

    // MARK: allocate

    func testAllocateTakesTheLowestUndeclaredNumberIntoTheDepartmentFile() throws {
        let ws = try EditFixtures.contoso()
        XCTAssertFalse(Validator.validate(ws.loaded, today: ws.today).hasErrors)
        let result = try Lifecycle.allocate(request(), in: ws)
        XCTAssertEqual(result.numbers, ["+4533121004"])
        XCTAssertEqual(result.changes.map(\.path), ["departments/sales.yaml"])
        try EditFixtures.assertGolden(EditFixtures.diff(result), "contoso-allocate.diff")
    }

    func testAllocateSkipsQuarantineNotYetOverAndTakesExplicitFreeEntries() throws {
        // +4533121007 is in quarantine since 2026-11-02 (90 days: not over); +4533121008 is declared free.
        let result = try Lifecycle.allocate(request(count: 5, category: .private), in: try EditFixtures.contoso())
        XCTAssertEqual(result.numbers, ["+4533121004", "+4533121005", "+4533121006", "+4533121008", "+4533121009"])
        let site = try XCTUnwrap(EditFixtures.text(result, "sites/copenhagen.yaml"))
        XCTAssertFalse(site.contains("\"+4533121008\""), "the free entry moves to the department file")
        XCTAssertTrue(site.contains("\"+4533121007\""))
    }

    func testAllocateTakesAQuarantineThatIsOver() throws {
        // 2026-11-02 + 90 days = 2027-01-31.
        let result = try Lifecycle.allocate(request(count: 4, category: .private), in: try EditFixtures.contoso(today: day("2027-01-31")))
        XCTAssertEqual(result.numbers, ["+4533121004", "+4533121005", "+4533121006", "+4533121007"])
    }

    func testFullRangeIsAClearError() throws {
        let ws = EditFixtures.workspace(["n.yaml": """
        ranges:
          - id: tiny
            block: "+4533121000..+4533121009"
            source: operator-connect
            country: DK
        numbers:
          - block: "+4533121000..+4533121004"
            status: reserved
            until: 2027-01-31
            reason: kept
          - block: +4533121005..+4533121009
            status: quarantine
            since: 2026-11-01
        """])
        XCTAssertThrowsError(try Lifecycle.allocate(request("tiny"), in: ws)) { error in
            XCTAssertEqual(error as? EditError, .rangeFull("tiny"))
            XCTAssertEqual("\(error)", "range tiny has no free number left")
        }
        let later = EditFixtures.workspace(["n.yaml": """
        ranges:
          - id: tiny
            block: "+4533121000..+4533121009"
            source: operator-connect
            country: DK
        numbers:
          - block: +4533121005..+4533121009
            status: quarantine
            since: 2026-01-01
        """])
        XCTAssertThrowsError(try Lifecycle.allocate(request("tiny", count: 11), in: later)) { error in
            XCTAssertEqual("\(error)", "range tiny has 10 free numbers, 11 asked for")
        }
        // A quarantine block that is over splits: the rest stays in quarantine.
        let split = try Lifecycle.allocate(request("tiny", count: 7, category: .private), in: later)
        XCTAssertEqual(split.numbers.last, "+4533121006")
        XCTAssertTrue(EditFixtures.text(split, "n.yaml")?.contains("  - block: +4533121007..+4533121009\n    status: quarantine\n") == true)
    }

    func testUnknownRangeSuggestsTheNearestId() throws {
        XCTAssertThrowsError(try Lifecycle.allocate(request("cph-h"), in: try EditFixtures.contoso())) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'cph-hq'"), "\(error)")
        }
    }

    func testAllocateRefusesAnEditThatBreaksARule() throws {
        // A second primary number for one user (DDI010) is an error: nothing is produced.
        XCTAssertThrowsError(try Lifecycle.allocate(request(count: 2), in: try EditFixtures.contoso())) { error in
            guard case .invalidResult(let lines)? = error as? EditError else { return XCTFail("\(error)") }
            XCTAssertTrue(lines.allSatisfy { $0.contains("DDI010") }, "\(lines)")
        }
    }

    func testAllocateDoesNotMaterialiseHugeRanges() throws {
        let ws = EditFixtures.workspace(["n.yaml": """
        ranges:
          - id: huge
            block: "+4533000000..+4533999999"
            source: operator-connect
            country: DK
        numbers:
          - block: "+4533000000..+4533999990"
            status: reserved
            until: 2027-01-31
            reason: kept
        """])
        let result = try Lifecycle.allocate(request("huge"), in: ws)
        XCTAssertEqual(result.numbers, ["+4533999991"])
    }

    // MARK: release and offboard

    func testReleaseMovesToQuarantineAndRecordsTheHolder() throws {
        let result = try Lifecycle.release([try number("+4533121042")], in: try EditFixtures.contoso())
        try EditFixtures.assertGolden(EditFixtures.diff(result), "contoso-release.diff")
        XCTAssertEqual(result.actions, ["+4533121042: released from anna.jensen@contoso.com, in quarantine until 2027-02-25 (departments/sales.yaml)"])
    }

    func testReleaseRefusesWhatIsNotAssigned() throws {
        let ws = try EditFixtures.contoso()
        XCTAssertThrowsError(try Lifecycle.release([try number("+4533121007")], in: ws)) { error in
            XCTAssertTrue("\(error)".contains("it is quarantine at sites/copenhagen.yaml"), "\(error)")
        }
        XCTAssertThrowsError(try Lifecycle.release([try number("+4533121120")], in: ws)) { error in
            XCTAssertTrue("\(error)".contains("part of block +4533121100..+4533121149 (reserved)"), "\(error)")
        }
        XCTAssertThrowsError(try Lifecycle.release([try number("+4533121555")], in: ws)) { error in
            XCTAssertEqual(error as? EditError, .unknownNumber("+4533121555"))
        }
    }

    func testOffboardReleasesEveryNumberOfTheUserAndNamesWhatElseRefersToThem() throws {
        let result = try Lifecycle.offboard("Karen.Lund@contoso.com", in: try EditFixtures.contoso())
        XCTAssertEqual(result.numbers, ["+4533121020", "+4533121021"])
        XCTAssertEqual(result.changes.map(\.path), ["departments/management.yaml"])
        XCTAssertTrue(result.notices.contains { $0.contains("+4533121023") && $0.contains("still owned by") }, "\(result.notices)")
        try EditFixtures.assertGolden(EditFixtures.diff(result), "contoso-offboard.diff")
    }

    func testOffboardOfAQueueAgentNamesTheQueue() throws {
        let result = try Lifecycle.offboard("anna.jensen@contoso.com", in: try EditFixtures.contoso())
        XCTAssertEqual(result.numbers, ["+4533121042"])
        XCTAssertTrue(result.notices.contains { $0.contains("agent of cq-sales-dk") }, "\(result.notices)")
    }

    func testOffboardOfSomeoneWithoutNumbersChangesNothing() throws {
        let result = try Lifecycle.offboard("nobody@contoso.com", in: try EditFixtures.contoso(), directory: ["Nobody@contoso.com"])
        XCTAssertTrue(result.changes.isEmpty)
        XCTAssertTrue(result.numbers.isEmpty)
        XCTAssertThrowsError(try Lifecycle.offboard("not an identity", in: try EditFixtures.contoso()))
    }

    func testOffboardOfAnIdentityNoOneNamesIsRefusedWithTheClosest() throws {
        XCTAssertThrowsError(try Lifecycle.offboard("karen.lnd@contoso.com", in: try EditFixtures.contoso())) { error in
            XCTAssertEqual(error as? EditError, .unknownIdentity("karen.lnd@contoso.com", " (did you mean 'karen.lund@contoso.com'?)"))
        }
        XCTAssertThrowsError(try Lifecycle.offboard("nobody@contoso.com", in: try EditFixtures.contoso(), directory: ["somebody@contoso.com"]))
    }

    func testRestrictingFreeRunsToHeldNumbersTakesOnePiecePerEntry() {
        let runs = [FreeRun(first: 100, last: 109, entryIndex: nil), FreeRun(first: 200, last: 209, entryIndex: 3)]
        let held = Set([101, 102, 104, 201, 205, 300].map { PhoneNumber(value: $0, digitCount: 3) } + [PhoneNumber(value: 103, digitCount: 4)])
        XCTAssertEqual(FreeNumbers.restrict(runs, to: held, digitCount: 3), [
            FreeRun(first: 101, last: 102, entryIndex: nil), FreeRun(first: 104, last: 104, entryIndex: nil),
            FreeRun(first: 201, last: 201, entryIndex: 3),
        ])
    }

    // MARK: reserve and review

    func testReserveABlockAndExtendIt() throws {
        let ws = try EditFixtures.contoso()
        let result = try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121200..+4533121219"), until: day("2027-03-31"), reason: "Marketing team"), in: ws)
        XCTAssertEqual(result.changes.map(\.path), ["sites/copenhagen.yaml"])
        try EditFixtures.assertGolden(EditFixtures.diff(result), "contoso-reserve.diff")
        let extended = try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121100..+4533121149"), until: day("2027-05-15"), reason: "Legal moves in Q2"), in: ws)
        let diff = EditFixtures.diff(extended)
        XCTAssertTrue(diff.contains("-    until: 2027-03-31\n-    reason: Legal team moves from the Aarhus office to HQ in Q1 2027\n+    until: 2027-05-15\n+    reason: Legal moves in Q2\n"), diff)
    }

    func testReserveRefusesNumbersInUseAndDatesInThePast() throws {
        let ws = try EditFixtures.contoso()
        XCTAssertThrowsError(try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121040..+4533121049"), until: day("2027-03-31"), reason: "x"), in: ws)) { error in
            XCTAssertTrue("\(error)".contains("+4533121042 is already declared assigned"), "\(error)")
        }
        XCTAssertThrowsError(try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121300"), until: day("2026-01-01"), reason: "x"), in: ws))
        XCTAssertThrowsError(try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4599999999"), until: day("2027-01-01"), reason: "x"), in: ws)) { error in
            XCTAssertTrue("\(error)".contains("not inside any declared range"), "\(error)")
        }
    }

    func testReserveTooLongIsRefusedAsTheDDI007Error() throws {
        XCTAssertThrowsError(try Lifecycle.reserve(ReservationRequest(span: try Lifecycle.parseSpan("+4533121300"), until: day("2028-01-01"), reason: "far ahead"), in: try EditFixtures.contoso())) { error in
            XCTAssertTrue("\(error)".contains("error[DDI007]"), "\(error)")
        }
    }

    func testReviewByNumberAndByOwner() throws {
        let ws = try EditFixtures.contoso()
        let byNumber = try Lifecycle.review([try number("+4533121042")], in: ws)
        XCTAssertEqual(EditFixtures.diff(byNumber).components(separatedBy: "\n").filter { $0.hasPrefix("+ ") || $0.hasPrefix("- ") || $0.hasPrefix("+  ") || $0.hasPrefix("-  ") },
                       ["-    reviewed: 2026-10-02", "+    reviewed: 2026-11-27"])
        let byOwner = try Lifecycle.review([], owner: "facilities@contoso.com", in: ws)
        XCTAssertEqual(byOwner.numbers, ["+4533121091", "+4538401190", "+4538401192", "+4538401193", "+4686903100", "+4686903190", "+4686903191"])
        XCTAssertThrowsError(try Lifecycle.review([try number("+4533121007")], in: ws))
        XCTAssertThrowsError(try Lifecycle.review([], owner: "nobody", in: ws))
    }

    func testAnInventoryWithErrorsCanStillBeEditedWhenTheEditAddsNone() throws {
        let ws = EditFixtures.workspace(["n.yaml": """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
          - number: "+4599999999"
            status: free
        """])
        let result = try Lifecycle.release([try number("+4533121042")], in: ws)
        XCTAssertEqual(result.preexistingErrors.map(\.ruleID).sorted(), ["DDI002", "DDI005"].filter { id in result.preexistingErrors.contains { $0.ruleID == id } })
        XCTAssertFalse(result.preexistingErrors.isEmpty)
        XCTAssertEqual(result.changes.count, 1)
    }
}
