import Foundation

/// Why an output could not be produced. A renderer never prints a stand-in (`{}`) and exits 0: the
/// command fails with exit status 1 and says what it could not write.
public struct OutputError: DDIError, Equatable {
    public var message: String
    public var exitStatus: Int32 { DDIExitStatus.failure }
    public init(_ message: String) { self.message = message }
}

/// The one JSON encoding of every `--format json` output: pretty-printed, keys sorted, slashes
/// unescaped, a final newline.
public enum JSONOutput {
    public static func encode<Value: Encodable>(_ value: Value) throws(OutputError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw OutputError("cannot encode the JSON output: \(TextEscaping.terminal(String(describing: error)))")
        }
    }
}
