import DDIKit

extension PlanDocument {
    /// A routing action in the plan JSON (`routing` in `schema/plan.schema.json`).
    public struct RoutingActionEntry: Sendable, Equatable, Codable {
        public var type: RoutingType
        public var id: String
        public var configurationID: String
        public var name: String
        public var changes: [Change]
        public var declaredAt: Location

        public struct Change: Sendable, Equatable, Codable {
            public var field: RoutingField
            public var before: RoutingValue
            public var after: RoutingValue
        }

        enum CodingKeys: String, CodingKey {
            case type, id, name, changes
            case configurationID = "configuration_id"
            case declaredAt = "declared_at"
        }

        init(_ action: RoutingAction) {
            type = action.type
            id = action.id
            configurationID = action.configurationID
            name = action.name
            changes = action.changes.map { Change(field: $0.field, before: $0.before, after: $0.after) }
            declaredAt = Location(action.declaredAt)
        }

        var model: RoutingAction {
            RoutingAction(type: type, id: id, configurationID: configurationID, name: name,
                          changes: changes.map { RoutingChange(field: $0.field, before: $0.before, after: $0.after) },
                          declaredAt: declaredAt.model)
        }
    }
}
