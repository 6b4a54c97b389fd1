import XCTest
import DDIKit

/// The boundaries of the date policy, which rules, audit, lifecycle edits and capacity all share.
final class PolicyTests: XCTestCase {
    private func day(_ text: String) throws -> Day { try XCTUnwrap(Day(iso: text)) }

    func testQuarantineEndsOnTheDayAfterItsLastDay() throws {
        var policy = Policy()
        policy.quarantineDays = 90
        let since = try day("2026-01-01")
        XCTAssertEqual(policy.quarantineEnd(since: since), try day("2026-04-01"))
        XCTAssertFalse(policy.isQuarantineOver(since: since, today: try day("2026-03-31")))
        XCTAssertTrue(policy.isQuarantineOver(since: since, today: try day("2026-04-01")))
        XCTAssertTrue(policy.isQuarantineOver(since: since, today: try day("2026-04-02")))
    }

    func testZeroDayQuarantineIsOverTheSameDay() throws {
        var policy = Policy()
        policy.quarantineDays = 0
        let since = try day("2026-06-01")
        XCTAssertTrue(policy.isQuarantineOver(since: since, today: since))
        XCTAssertFalse(policy.isQuarantineOver(since: since, today: try day("2026-05-31")))
    }

    func testReviewExactlyAtTheMaximumAgeIsCurrentAndOneDayMoreIsStale() throws {
        var policy = Policy()
        policy.reviewMaxAgeDays = 365
        let today = try day("2026-06-01")
        XCTAssertEqual(policy.reviewStanding(reviewed: try day("2025-06-01"), today: today), .current)
        XCTAssertEqual(policy.reviewStanding(reviewed: try day("2025-05-31"), today: today), .stale(ageDays: 366))
        XCTAssertEqual(policy.reviewStanding(reviewed: today, today: today), .current)
        XCTAssertEqual(policy.reviewStanding(reviewed: try day("2026-06-02"), today: today), .inFuture)
        XCTAssertEqual(policy.reviewStanding(reviewed: nil, today: today), .neverReviewed)
    }

    func testStaleReviewMeansMissingOrTooOldButNotFuture() throws {
        let policy = Policy()
        let today = try day("2026-06-01")
        XCTAssertTrue(policy.isReviewStale(reviewed: nil, today: today))
        XCTAssertTrue(policy.isReviewStale(reviewed: try day("2024-01-01"), today: today))
        XCTAssertFalse(policy.isReviewStale(reviewed: try day("2026-05-01"), today: today))
        XCTAssertFalse(policy.isReviewStale(reviewed: try day("2027-01-01"), today: today))
    }

    func testReservationHoldsThroughItsUntilDayAndExpiresTheDayAfter() throws {
        let until = try day("2026-06-01")
        XCTAssertFalse(Policy.isReservationExpired(until: until, today: until))
        XCTAssertTrue(Policy.isReservationExpired(until: until, today: try day("2026-06-02")))
        XCTAssertEqual(Policy().reservationStanding(until: until, today: try day("2026-06-02")), .expired)
    }

    func testReservationExactlyAtTheMaximumIsAllowedAndOneDayMoreIsTooLong() throws {
        var policy = Policy()
        policy.reservationMaxDays = 180
        let today = try day("2026-06-01")
        XCTAssertEqual(policy.reservationStanding(until: today.adding(days: 180), today: today), .withinPolicy)
        XCTAssertEqual(policy.reservationStanding(until: today.adding(days: 181), today: today), .tooLong(daysAhead: 181))
        XCTAssertEqual(policy.reservationStanding(until: today, today: today), .withinPolicy)
    }
}
