import Crypto
import Foundation

/// One journal line: `{"sha256":"<64 hex>","entry":<entry JSON>}`, where the digest is over the
/// entry's bytes exactly as written. A line cut short by a crash, glued to another, or edited by
/// hand fails the digest and is ignored (its step is then checked against the tenant again).
enum JournalLine {
    static let prefix = Array(#"{"sha256":""#.utf8)
    static let middle = Array(#"","entry":"#.utf8)
    static let suffix = UInt8(ascii: "}")
    static let digestLength = 64

    static func encode(_ entry: ApplyJournal.Entry) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entry) else { return nil }
        let payload = [UInt8](data)
        return prefix + Array(digest(payload).utf8) + middle + payload + [suffix]
    }

    enum Failure: Error, Equatable {
        case malformed
        case checksumMismatch
    }

    static func decode(_ line: ArraySlice<UInt8>) -> Result<ApplyJournal.Entry, Failure> {
        let bytes = Array(line)
        let headerLength = prefix.count + digestLength + middle.count
        guard bytes.count > headerLength + 1, bytes.starts(with: prefix), bytes.last == suffix,
              Array(bytes[(prefix.count + digestLength)..<headerLength]) == middle else { return .failure(.malformed) }
        let written = String(decoding: bytes[prefix.count..<(prefix.count + digestLength)], as: UTF8.self)
        let payload = Array(bytes[headerLength..<(bytes.count - 1)])
        guard digest(payload) == written else { return .failure(.checksumMismatch) }
        guard let entry = try? JSONDecoder().decode(ApplyJournal.Entry.self, from: Data(payload)) else { return .failure(.malformed) }
        return .success(entry)
    }

    static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
