import Foundation

/// Graph v1.0 paths under the API root.
public enum GraphPaths {
    public static let numberAssignments = "admin/teams/telephoneNumberManagement/numberAssignments"
    public static let assignNumber = numberAssignments + "/assignNumber"
    public static let unassignNumber = numberAssignments + "/unassignNumber"
    public static let updateNumber = numberAssignments + "/updateNumber"
    public static let users = "users"
}
