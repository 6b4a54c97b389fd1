/// Why `ddi apply` will not go ahead (exit status 1).
public struct ApplyRefusal: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
