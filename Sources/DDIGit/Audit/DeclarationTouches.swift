import DDIKit

/// When each number's declaration last changed, for the report's list of numbers to hand back: a
/// number that has been free since the commit that released it has been idle since that commit's day.
public struct DeclarationTouches: Sendable, Equatable {
    /// One change to the declaration of the numbers `lower...upper` (number keys), on `day`.
    public struct Touch: Sendable, Equatable {
        public var lower: UInt64
        public var upper: UInt64
        public var day: Day

        public init(lower: UInt64, upper: UInt64, day: Day) {
            self.lower = lower
            self.upper = upper
            self.day = day
        }
    }

    public var touches: [Touch]
    /// The author day of the oldest commit that declared numbers (nil: none did).
    public var firstDay: Day?

    public init(touches: [Touch], firstDay: Day?) {
        self.touches = touches
        self.firstDay = firstDay
    }
}

extension GitHistory {
    /// Every change to a declaration reachable from `tip`, on its commit's author day (in the author's
    /// time zone). Moves that leave the fields as they were are not changes (`declarationChangedKeys`).
    public func declarationTouches(from tip: GitOID) throws -> DeclarationTouches {
        Self.declarationTouches(facts: try facts(from: tip))
    }

    /// `declarationTouches` from facts already read (`facts(from:)`, oldest first).
    public static func declarationTouches(facts records: [CommitFacts]) -> DeclarationTouches {
        var touches: [DeclarationTouches.Touch] = []
        var firstDay: Day?
        for record in records {
            let day = Self.day(of: record.commit.author)
            firstDay = min(firstDay ?? day, day)
            // Against the first parent: a merge that only brings a branch in has no record, and the
            // branch's own commits carry its changes.
            for change in record.changes.first ?? [] where !change.isMoveOnly {
                for side in [change.before, change.after] {
                    guard let span = side?.span else { continue }
                    touches.append(.init(lower: span.lower, upper: span.upper, day: day))
                }
            }
        }
        return DeclarationTouches(touches: touches, firstDay: firstDay)
    }
}
