import DDIKit

/// One inventory file being written: its ranges, then its numbers.
struct YAMLFileBuilder {
    var ranges: [InferredRange] = []
    var numbers: [InventoryImporter.NumberDeclaration] = []
    var routing: [(id: String, type: RoutingType, account: String)] = []
    /// Managed routing fields by routing id, from the routing exports (`RoutingImport`).
    var routingFields: [String: [String]] = [:]

    func render(header: String) -> String {
        var lines = ["# \(header)", ""] + (ranges.isEmpty ? [] : ["ranges:"])
        for range in ranges {
            lines.append("  - id: \(range.id)")
            lines.append("    block: \(YAMLQuoting.doubleQuoted("\(range.first)..\(range.last)"))")
            lines.append("    source: \(range.source.rawValue)")
            lines.append("    country: \(YAMLQuoting.doubleQuoted(range.country))")
            if let location = range.locationID { lines.append("    location_id: \(YAMLQuoting.doubleQuoted(location))") }
        }
        if !numbers.isEmpty {
            lines += ["", "numbers:"]
            for entry in numbers.sorted(by: { $0.number < $1.number }) {
                lines.append("  - number: \(YAMLQuoting.doubleQuoted(entry.number.description))")
                lines.append("    status: assigned")
                lines.append("    kind: \(entry.kind.rawValue)")
                lines.append("    assigned_to: \(YAMLQuoting.doubleQuoted(entry.assignedTo))")
                lines.append("    owner: \(YAMLQuoting.doubleQuoted(entry.assignedTo))")
                if let routing = entry.routing { lines.append("    routing: \(routing)") }
                if let category = entry.category { lines.append("    category: \(category.rawValue)") }
                if let location = entry.locationID { lines.append("    location_id: \(YAMLQuoting.doubleQuoted(location))") }
                if !entry.tags.isEmpty { lines.append("    tags: [\(entry.tags.map(YAMLQuoting.doubleQuoted).joined(separator: ", "))]") }
            }
        }
        if !routing.isEmpty {
            lines += routingFields.isEmpty
                ? ["", "# Destinations (business_hours, agents, overflow, ...) are not in the snapshot:", "# copy them from the Teams admin center.", "routing:"]
                : ["", "routing:"]
            for entry in routing {
                lines.append("  - id: \(entry.id)")
                lines.append("    type: \(entry.type.rawValue)")
                lines.append("    resource_account: \(YAMLQuoting.doubleQuoted(entry.account))")
                lines += routingFields[entry.id] ?? []
                lines.append("    owner: \(YAMLQuoting.doubleQuoted(entry.account))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
