import Foundation

/// A failure talking to Graph; the message never carries a secret.
public struct GraphError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
