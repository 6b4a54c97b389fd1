import Foundation
import XCTest

/// A tool the tests need from the machine (python3 for the Graph test server, git).
///
/// On a developer's machine a missing tool skips the tests that need it: they are optional there,
/// and the skip names what to install. In CI (`CI` set, as `.ci/run` and every CI service do) the
/// same tests are the point, so a missing tool fails them instead of passing as skipped.
public enum Prerequisite {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static func missing(_ what: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Error {
        if isCI(environment) {
            return Missing(description: "\(what) (CI is set, so this is a failure, not a skip: install it on the CI machine)")
        }
        return XCTSkip(what)
    }

    public static func isCI(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }
}
