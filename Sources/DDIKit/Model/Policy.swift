/// The `policy:` section of `ddi.yaml`, and the one place that turns its day counts into answers.
/// Rules, audit, lifecycle edits and capacity all ask these functions, so "the day the quarantine
/// ends" means the same everywhere.
public struct Policy: Sendable, Equatable {
    public var quarantineDays = 90
    public var reservationMaxDays = 180
    public var reviewMaxAgeDays = 365
    public var requireRange = true
    public init() {}
}

/// How an assigned number's `reviewed:` date stands against `review_max_age_days`.
public enum ReviewStanding: Sendable, Equatable {
    case neverReviewed
    /// Reviewed on a day after today: a typo, not a review.
    case inFuture
    case stale(ageDays: Int)
    case current
}

/// How a reservation's `until:` date stands against today and `reservation_max_days`.
public enum ReservationStanding: Sendable, Equatable {
    case expired
    /// Ends further ahead than the policy allows.
    case tooLong(daysAhead: Int)
    case withinPolicy
}

extension Policy {
    /// The first day a number quarantined on `since` may be given out again.
    public func quarantineEnd(since: Day) -> Day { since.adding(days: quarantineDays) }

    /// True from the day the quarantine ends (that day included).
    public func isQuarantineOver(since: Day, today: Day) -> Bool { quarantineEnd(since: since) <= today }

    /// A review exactly `review_max_age_days` old is still current; one day more is stale.
    public func reviewStanding(reviewed: Day?, today: Day) -> ReviewStanding {
        guard let reviewed else { return .neverReviewed }
        let age = reviewed.days(until: today)
        if age < 0 { return .inFuture }
        return age > reviewMaxAgeDays ? .stale(ageDays: age) : .current
    }

    /// A review that is missing or too old (a review dated in the future is reported otherwise).
    public func isReviewStale(reviewed: Day?, today: Day) -> Bool {
        switch reviewStanding(reviewed: reviewed, today: today) {
        case .neverReviewed, .stale: true
        case .inFuture, .current: false
        }
    }

    /// A reservation holds through its `until` day and has expired the day after.
    public static func isReservationExpired(until: Day, today: Day) -> Bool { until < today }

    public func reservationStanding(until: Day, today: Day) -> ReservationStanding {
        if Policy.isReservationExpired(until: until, today: today) { return .expired }
        let ahead = today.days(until: until)
        return ahead > reservationMaxDays ? .tooLong(daysAhead: ahead) : .withinPolicy
    }
}
