import DDIKit

/// The emergency location a declaration asks for. An entry's `location_id` wins over its range's;
/// `location_id: none` (or a quoted `""` / `"null"`, or the all-zero GUID, which Teams uses for "no
/// location") is a declared removal. A declaration that writes no `location_id` at either level
/// leaves the live location alone; so does a plain YAML null (`location_id:`, `~`, `null`), which
/// the inventory reader treats as a key not written, everywhere.
enum DeclaredLocation: Equatable {
    case unspecified
    case set(String)
    case clear

    static let noLocationGUID = "00000000-0000-0000-0000-000000000000"

    init(entry: String?, range: String?) {
        if let entry {
            self = DeclaredLocation(text: entry)
        } else if let range {
            self = DeclaredLocation(text: range)
        } else {
            self = .unspecified
        }
    }

    init(text: String) {
        let folded = text.trimmingWhitespace.asciiFolded
        switch folded {
        case "", "null", "none", Self.noLocationGUID: self = .clear
        default: self = .set(folded)
        }
    }
}

/// The location an action leaves on the number, and whether the action changes it.
struct LocationOutcome {
    var value: String?
    var changes: Bool
    /// True when the action removes the live location (`-LocationId 'null'`, Graph `locationId: ""`).
    var clears: Bool { changes && value == nil }
}

extension PlanningState {
    /// Decides the location of an action on `live` (nil: a Direct Routing number not in the tenant).
    /// A change Teams does not allow becomes a `location` finding, and the live location stays.
    mutating func resolveLocation(_ wanted: DeclaredLocation, live: LiveNumber?, entry: NumberEntryFields, number: PhoneNumber,
                                  type: NumberSource) -> LocationOutcome {
        let current = live?.locationID
        switch wanted {
        case .unspecified:
            return LocationOutcome(value: current, changes: false)
        case .set(let id):
            guard id != current else { return LocationOutcome(value: current, changes: false) }
            guard let live, live.locationUpdateSupported == false else { return LocationOutcome(value: id, changes: true) }
            add(.location, .warning, number.description,
                "declared location \(describe(id)), but Teams reports LocationUpdateSupported False for this number (\(describe(current))): the operator manages its location; ask them to change it",
                entry, live)
            return LocationOutcome(value: current, changes: false)
        case .clear:
            guard let live, let current else { return LocationOutcome(value: nil, changes: false) }
            if let reason = removalRefusal(live, type: type) {
                add(.location, .warning, number.description,
                    "declared without a location, but it has \(describe(current)) in Teams: \(reason); ddi leaves the location as it is",
                    entry, live)
                return LocationOutcome(value: current, changes: false)
            }
            return LocationOutcome(value: nil, changes: true)
        }
    }

    /// Why Teams will not remove the location of `live`, or nil when it will: "Removal of location
    /// from a phone number is supported for Direct Routing numbers and Operator Connect numbers that
    /// are not managed by the Service Desk."
    /// https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment (-LocationId)
    func removalRefusal(_ live: LiveNumber, type: NumberSource) -> String? {
        switch type {
        case .directRouting:
            return nil
        case .operatorConnect:
            if live.locationUpdateSupported == false { return "the operator manages its location (LocationUpdateSupported False)" }
            if let operatorID = live.operatorID, !operatorID.isEmpty {
                return "the operator (OperatorId \(operatorID)) manages this Operator Connect number, and Teams removes locations only from numbers the operator does not manage"
            }
            return nil
        case .callingPlan:
            return "Teams removes locations only from Direct Routing and Operator Connect numbers, and this is a Calling Plan number"
        }
    }

    /// "Description, City" of a location the LIS export has; nil otherwise.
    func locationDescription(_ id: String?) -> String? {
        guard let id, let location = locations[id] else { return nil }
        let parts = [location.description, location.city].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `id (Description, City)` for messages.
    func describe(_ id: String?) -> String {
        guard let id else { return "no location" }
        return locationDescription(id).map { "location \(id) (\($0))" } ?? "location \(id)"
    }
}

extension String {
    var trimmingWhitespace: String {
        // Printable ASCII at both ends (an id, a GUID) has no whitespace to trim: no copy. A
        // character that starts with such a byte is not whitespace, and no whitespace joins a
        // printable ASCII character into one character.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
