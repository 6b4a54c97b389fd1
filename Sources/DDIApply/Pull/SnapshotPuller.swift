import Foundation

/// `ddi snapshot pull --out DIR`: every number assignment and the directory, through the same Graph
/// client, written as files the snapshot loader reads (a Graph `numberAssignments` page and a users
/// export). DIR is replaced as a whole: the new files are written to a sibling directory first.
public struct PullSummary: Sendable {
    public var numbers: Int
    public var users: Int
    public var files: [String]
}

public enum SnapshotPuller {
    public static let numbersFile = "number-assignments.json"
    public static let usersFile = "users.json"
    static let userFields = ["id", "userPrincipalName", "accountEnabled", "userType"]

    public static func pull(client: GraphClient, outDirectory: String, pageSize: Int = 500) throws(GraphError) -> PullSummary {
        let numbers = try client.getAll(GraphPaths.numberAssignments, query: [URLQueryItem(name: "$top", value: String(pageSize))])
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
            return record
        }
        guard let numbersData = try? JSONSerialization.data(withJSONObject: numbersPage, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let usersData = try? JSONSerialization.data(withJSONObject: directory, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw GraphError(message: "cannot encode the snapshot")
        }
        try replaceDirectory(outDirectory, files: [numbersFile: numbersData, usersFile: usersData])
        return PullSummary(numbers: numbers.count, users: directory.count, files: [numbersFile, usersFile])
    }

    /// Writes the files into a fresh sibling directory, then swaps it in (rename), so a crash leaves
    /// either the old snapshot or the new one, never a mix.
    static func replaceDirectory(_ path: String, files: [String: Data]) throws(GraphError) {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let suffix = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).pull-\(suffix)")
        let old = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for (name, data) in files.sorted(by: { $0.key < $1.key }) {
                try data.write(to: staging.appendingPathComponent(name), options: .atomic)
            }
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw GraphError(message: "\(path) exists and is not a directory") }
                try manager.moveItem(at: url, to: old)
                try manager.moveItem(at: staging, to: url)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: url)
            }
        } catch let error as GraphError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw GraphError(message: "cannot write the snapshot to \(path): \(error.localizedDescription)")
        }
    }
}
