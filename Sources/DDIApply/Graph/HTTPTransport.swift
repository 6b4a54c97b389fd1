import Foundation

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        var lowered: [String: String] = [:]
        for (key, value) in headers { lowered[key.lowercased()] = value }
        self.headers = lowered
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends one request and returns the server's answer as it is: a transport never follows a
/// redirect (a 3xx comes back to the caller). Errors are failures with no response at all.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// Why a transport gave no response, in words a user can act on (never `NSURLErrorDomain -1001`).
public enum HTTPTransportError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No byte for `seconds`, or the whole response took longer than its deadline.
    case timedOut(seconds: Double)
    /// The body grew past the limit; reading stopped there.
    case responseTooLarge(limit: Int)
    case failed(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds): "Graph did not answer within \(Self.seconds(seconds)) s"
        case .responseTooLarge(let limit): "the response is larger than \(limit) bytes; ddi stopped reading it"
        case .failed(let reason): reason
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Retrying a response that was too large would only read it again.
    var isRetryable: Bool {
        if case .responseTooLarge = self { return false }
        return true
    }
}
