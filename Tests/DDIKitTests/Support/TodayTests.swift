import Foundation
import XCTest
@testable import DDIKit

/// `Today` reads the local date from the C library instead of Foundation's calendar (start-up time,
/// issue 15): both must name the same day. Zones are named explicitly: Foundation keeps the first
/// `TimeZone.current` it computes for the life of the process.
final class TodayTests: XCTestCase {
    private let instants: [time_t] = [0, 86_399, 86_400, 951_782_400, 1_711_846_800, 1_729_990_800, 1_798_675_199, 1_798_675_200, 4_102_444_799]

    func testTheLocalDayFollowsTZOnBothSidesOfTheDateLine() throws {
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Copenhagen", "America/St_Johns", "UTC"] {
            setenv("TZ", zone, 1)
            tzset()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
            for instant in instants + [time(nil)] {
                XCTAssertEqual(Today.localCalendarDay(at: instant), foundationDay(instant, calendar), "\(zone) at \(instant)")
            }
        }
    }

    func testTheOptionAndTheEnvironmentComeBeforeTheClock() throws {
        XCTAssertEqual(try Today.resolve(option: "2026-11-27", environment: ["DDI_TODAY": "2020-01-01"]), Day(iso: "2026-11-27"))
        XCTAssertEqual(try Today.resolve(option: nil, environment: ["DDI_TODAY": "2020-01-01"]), Day(iso: "2020-01-01"))
        XCTAssertThrowsError(try Today.resolve(option: "2026-02-30", environment: [:]))
    }

    private func foundationDay(_ instant: time_t, _ calendar: Calendar) -> Day? {
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(instant)))
        return Day(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }
}
