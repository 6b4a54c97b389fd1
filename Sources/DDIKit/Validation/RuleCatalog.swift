/// Every validation rule, in ID order. `ddi explain` and the generic example test read this list.
public enum RuleCatalog {
    public static let all: [any ValidationRule] = [
        ShapeRule(),
        InvalidNumberRule(),
        DuplicateNumberRule(),
        RangeOverlapRule(),
        OutsideRangeRule(),
        MissingFieldRule(),
        ReservationRule(),
        QuarantineOverRule(),
        ReviewAgeRule(),
        SecondPrimaryRule(),
        RoutingReferenceRule(),
        RoutingLoopRule(),
        SourceSupportRule(),
        LifecycleTransitionRule(),
        CommitTrailerRule(),
    ]

    public static var ids: [String] { all.map(\.id) }

    public static func rule(id: String) -> (any ValidationRule)? {
        all.first { $0.id == id.uppercased() }
    }
}
