import CLibGit2

/// A failed libgit2 call: the operation, libgit2's error code and `git_error_last()`'s message.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    public var operation: String
    public var code: Int32
    public var message: String

    public init(operation: String, code: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.message = message
    }

    /// Wraps libgit2's last error for a call that returned `code`.
    static func last(_ code: Int32, _ operation: String) -> GitError {
        let message: String
        if let error = git_error_last(), let text = error.pointee.message {
            message = String(cString: text)
        } else {
            message = "libgit2 error \(code)"
        }
        return GitError(operation: operation, code: code, message: message)
    }

    /// Throws when a libgit2 call returned a negative code.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws {
        if code < 0 { throw last(code, operation()) }
    }

    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// The error of a revision that names nothing (not found, ambiguous or malformed).
    public var isUnknownRevision: Bool {
        code == GIT_ENOTFOUND.rawValue || code == GIT_EAMBIGUOUS.rawValue || code == GIT_EINVALIDSPEC.rawValue
    }

    public var description: String { "\(operation): \(message)" }
}
