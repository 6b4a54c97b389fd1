/// Something wrong with a snapshot file. Messages name the file, the record (1-based) and, where
/// known, the number and the field, so that an admin can find the line in the export.
public struct SnapshotProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var record: Int?
    public var number: String?
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, record: Int? = nil, number: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.record = record
        self.number = number
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let record {
            text += "record \(record)"
            if let number { text += " (\(number))" }
            text += ": "
        }
        if let field { text += "field \(field): " }
        return text + message
    }
}

/// Every problem found in a snapshot; reading goes on after a bad record so that one run shows them all.
public struct SnapshotProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [SnapshotProblem]

    public init(_ problems: [SnapshotProblem]) { self.problems = problems }

    public var description: String { problems.map { "error: \($0)" }.joined(separator: "\n") }
}
