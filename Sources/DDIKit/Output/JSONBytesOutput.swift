/// `JSONOutput.encode` as bytes (`JSONBytesEncoder`): the same text, a final newline, the same
/// `OutputError` when a value cannot be encoded; for outputs large enough that making a `String`
/// of them, and printing it, shows in the time.
public enum JSONBytesOutput {
    public static func encode<Value: Encodable>(_ value: Value) throws(OutputError) -> [UInt8] {
        do {
            var bytes = try JSONBytesEncoder().encode(value)
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw OutputError("cannot encode the JSON output: \(TextEscaping.terminal(String(describing: error)))")
        }
    }
}
