import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.ddi/journal/<plan checksum>.jsonl`: one JSON line per finished step, appended and fsynced
/// before the next step starts (DESIGN 6). Running the same plan again skips every step listed. A
/// line cut short by a crash is ignored (its step is checked against the tenant and redone if needed).
public final class ApplyJournal {
    public struct Entry: Codable, Sendable, Equatable {
        public var step: String
        /// `done` (the call succeeded), `already-done` (the tenant already had it), `skipped`.
        public var outcome: String
        public var at: String
    }

    public let path: String
    public private(set) var entries: [Entry] = []
    public var finished: Set<String> { Set(entries.map(\.step)) }

    /// Opens (creating the directory when needed) the journal of the plan with `checksum`.
    public init(directory: String, checksum: String) throws(ApplyRefusal) {
        let name = checksum.hasPrefix("sha256:") ? String(checksum.dropFirst(7)) : checksum
        guard !name.isEmpty, name.allSatisfy({ $0.isHexDigit }) else { throw ApplyRefusal("the plan checksum is not a sha256 digest") }
        path = (directory as NSString).appendingPathComponent(name + ".jsonl")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ApplyRefusal("cannot create the journal directory \(directory)")
        }
        if let data = FileManager.default.contents(atPath: path) {
            let decoder = JSONDecoder()
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let entry = try? decoder.decode(Entry.self, from: Data(line)) { entries.append(entry) }
            }
        }
    }

    /// Appends one line and fsyncs it; returns only once the line is on disk.
    public func record(step: String, outcome: String) throws(ApplyRefusal) {
        let entry = Entry(step: step, outcome: outcome, at: ISO8601DateFormatter().string(from: Date()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entry) else { throw ApplyRefusal("cannot encode a journal line") }
        var bytes = [UInt8](data)
        bytes.append(UInt8(ascii: "\n"))
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw ApplyRefusal("cannot open the journal \(path)") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw ApplyRefusal("cannot write the journal \(path)")
            }
            written += result
        }
        guard fsync(fd) == 0 else { throw ApplyRefusal("cannot sync the journal \(path)") }
        entries.append(entry)
    }
}
