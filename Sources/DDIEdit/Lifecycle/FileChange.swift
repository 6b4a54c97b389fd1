import DDIKit

/// One file an edit changed.
public struct FileChange: Sendable, Equatable {
    public var path: String
    public var before: [UInt8]
    public var after: [UInt8]
}
