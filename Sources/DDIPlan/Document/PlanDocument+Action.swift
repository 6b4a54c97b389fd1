import DDIKit

extension PlanDocument {
    /// `actions[]`: one change to one number in the tenant.
    public struct Action: Sendable, Equatable, Codable {
        public var kind: PlanActionKind
        public var number: String
        public var numberType: NumberSource
        public var target: Target
        public var category: AssignmentCategory?
        public var locationID: String?
        public var tags: [String]
        public var changes: [PlanChange]
        public var before: State?
        public var after: State
        public var declaredAt: Location
        public var declaredStatus: NumberStatus
        public var numberKind: NumberKind?
        public var rangeID: String?
        /// Days Teams blocks the number after an unassign into quarantine.
        public var assignmentBlockDays: Int?
        public var locationDescription: String?

        init(_ action: PlanAction) {
            kind = action.kind
            number = action.number
            numberType = action.numberType
            target = Target(action.target)
            category = action.category
            locationID = action.locationID
            tags = action.tags
            changes = action.changes
            before = action.before.map(State.init)
            after = State(action.after)
            declaredAt = Location(action.declaredAt)
            declaredStatus = action.declaredStatus
            numberKind = action.numberKind
            rangeID = action.rangeID
            assignmentBlockDays = action.assignmentBlockDays
            locationDescription = action.locationDescription
        }

        var model: PlanAction {
            PlanAction(kind: kind, number: number, numberType: numberType, target: target.model, category: category,
                       locationID: locationID, tags: tags, changes: changes, before: before?.model, after: after.model,
                       declaredAt: declaredAt.model, declaredStatus: declaredStatus, numberKind: numberKind, rangeID: rangeID,
                       assignmentBlockDays: assignmentBlockDays, locationDescription: locationDescription)
        }

        enum CodingKeys: String, CodingKey {
            case kind, number, target, category, tags, changes, before, after
            case numberType = "number_type"
            case locationID = "location_id"
            case declaredAt = "declared_at"
            case declaredStatus = "declared_status"
            case numberKind = "number_kind"
            case rangeID = "range_id"
            case assignmentBlockDays = "assignment_block_days"
            case locationDescription = "location_description"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(number, forKey: .number)
            try container.encode(numberType, forKey: .numberType)
            try container.encode(target, forKey: .target)
            try container.encode(category, forKey: .category)
            try container.encode(locationID, forKey: .locationID)
            try container.encode(tags, forKey: .tags)
            try container.encode(changes, forKey: .changes)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(declaredAt, forKey: .declaredAt)
            try container.encode(declaredStatus, forKey: .declaredStatus)
            try container.encode(numberKind, forKey: .numberKind)
            try container.encode(rangeID, forKey: .rangeID)
            try container.encode(assignmentBlockDays, forKey: .assignmentBlockDays)
            try container.encode(locationDescription, forKey: .locationDescription)
        }
    }

    /// `actions[].target`: the identity an action assigns to or takes the number from.
    public struct Target: Sendable, Equatable, Codable {
        public var upn: String?
        public var objectID: String
        public var kind: IdentityKind

        init(_ target: PlanTarget) {
            upn = target.upn
            objectID = target.objectID
            kind = target.kind
        }

        var model: PlanTarget { PlanTarget(upn: upn, objectID: objectID, kind: kind) }

        enum CodingKeys: String, CodingKey {
            case upn, kind
            case objectID = "object_id"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            upn = try container.decodeIfPresent(String.self, forKey: .upn)
            objectID = try container.decode(String.self, forKey: .objectID)
            kind = try container.decodeIfPresent(IdentityKind.self, forKey: .kind) ?? .user
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(upn, forKey: .upn)
            try container.encode(objectID, forKey: .objectID)
            try container.encode(kind, forKey: .kind)
        }
    }

    /// `actions[].before` / `after`: a number's assignment before and after the action.
    public struct State: Sendable, Equatable, Codable {
        public var status: String
        public var assignedTo: String?
        public var objectID: String?
        public var category: AssignmentCategory?
        public var locationID: String?
        public var tags: [String]?
        public var locationDescription: String?

        init(_ state: AssignmentState) {
            status = state.status
            assignedTo = state.assignedTo
            objectID = state.objectID
            category = state.category
            locationID = state.locationID
            tags = state.tags
            locationDescription = state.locationDescription
        }

        var model: AssignmentState {
            AssignmentState(status: status, assignedTo: assignedTo, objectID: objectID, category: category, locationID: locationID, tags: tags,
                            locationDescription: locationDescription)
        }

        enum CodingKeys: String, CodingKey {
            case status, category, tags
            case assignedTo = "assigned_to"
            case objectID = "object_id"
            case locationID = "location_id"
            case locationDescription = "location_description"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(assignedTo, forKey: .assignedTo)
            try container.encode(objectID, forKey: .objectID)
            try container.encode(category, forKey: .category)
            try container.encode(locationID, forKey: .locationID)
            try container.encode(tags, forKey: .tags)
            try container.encode(locationDescription, forKey: .locationDescription)
        }
    }
}
