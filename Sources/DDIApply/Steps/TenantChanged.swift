/// A step found the number in a state the plan did not expect: the tenant changed since the plan.
/// Running the same apply again would stop at the same step, so the advice is a new snapshot and a
/// new plan, never a resume.
public struct TenantChanged: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
