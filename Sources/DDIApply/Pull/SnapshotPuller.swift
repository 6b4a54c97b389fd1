import Foundation

/// `ddi snapshot pull --out DIR`: every number assignment and the directory, through the same Graph
/// client, written as files the snapshot loader reads (a Graph `numberAssignments` page and a users
/// export). DIR is replaced as a whole, and only when it holds nothing but a live snapshot
/// (`PullDestination`); the new files are written to a sibling directory first (`PullWriter`).
public struct PullSummary: Sendable {
    public var numbers: Int
    public var users: Int
    public var files: [String]
    /// The old directory, renamed aside, when something appeared in it during the pull and was kept.
    public var leftover: String?
}

public enum SnapshotPuller {
    public static let numbersFile = "number-assignments.json"
    public static let usersFile = "users.json"
    /// The user properties the checks read. Graph has no `EnterpriseVoiceEnabled`, voice routing policy
    /// or resource-account marker on a user (those come from Get-CsOnlineUser), so a pulled snapshot
    /// reports them as not checked; resource accounts are known by the numbers they hold.
    /// https://learn.microsoft.com/graph/api/resources/user (usageLocation, assignedPlans)
    static let userFields = ["id", "userPrincipalName", "accountEnabled", "userType", "usageLocation", "assignedPlans"]

    /// Judges `outDirectory` (relative to `base`), fetches, judges it again, then swaps the snapshot in.
    /// `pageSize`: numberAssignments' `$top` (1,000 is the most Graph returns a page).
    public static func pull(client: GraphClient, outDirectory: String, base: String, pageSize: Int = 1000) throws(ApplyRefusal) -> PullSummary {
        _ = try PullDestination.check(outDirectory, base: base)
        let fetched: (files: [String: Data], numbers: Int, users: Int)
        do {
            fetched = try fetch(client: client, pageSize: pageSize)
        } catch {
            throw ApplyRefusal(error.message)
        }
        // The fetch takes a while: what the directory holds now is what gets replaced.
        let destination = try PullDestination.check(outDirectory, base: base)
        let leftover = try PullWriter.replace(destination, files: fetched.files)
        return PullSummary(numbers: fetched.numbers, users: fetched.users, files: fetched.files.keys.sorted(), leftover: leftover)
    }

    static func fetch(client: GraphClient, pageSize: Int) throws(GraphError) -> (files: [String: Data], numbers: Int, users: Int) {
        let numbers = try client.getAll(GraphPaths.numberAssignments, query: [], pageSize: pageSize)
        let users = try client.getAll(GraphPaths.users, query: [URLQueryItem(name: "$select", value: userFields.joined(separator: ",")),
                                                                 URLQueryItem(name: "$top", value: "999")])
        let numbersPage: [String: Any] = [
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments",
            "value": numbers,
        ]
        let directory: [[String: Any]] = users.compactMap { user in
            guard let id = user["id"] as? String, let upn = user["userPrincipalName"] as? String else { return nil }
            var record: [String: Any] = ["id": id, "userPrincipalName": upn]
            if let enabled = user["accountEnabled"] as? Bool { record["accountEnabled"] = enabled }
            // Graph returns a selected property as null when it is not set: kept as null, so the
            // snapshot says it was read; a response without the property says nothing (not checked).
            if user.keys.contains("usageLocation") { record["usageLocation"] = (user["usageLocation"] as? String) ?? NSNull() }
            if let plans = user["assignedPlans"] as? [[String: Any]] {
                record["assignedPlans"] = plans.map { plan in
                    plan.filter { ["servicePlanId", "capabilityStatus", "service"].contains($0.key) && $0.value is String }
                }
            }
            return record
        }
        guard let numbersData = try? JSONSerialization.data(withJSONObject: numbersPage, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let usersData = try? JSONSerialization.data(withJSONObject: directory, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw GraphError(message: "cannot encode the snapshot")
        }
        return ([numbersFile: numbersData, usersFile: usersData], numbers.count, directory.count)
    }
}
