#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The section a top-level key opens.
enum InventorySection: Sendable, Equatable {
    case numbers, ranges, routing, other
}

/// A line at column 0 that is not blank, a comment or a sequence item: a top-level key (or something
/// that is not plain block YAML, such as `---`).
struct TopLevelLine: Sendable, Equatable {
    var offset: Int
    var section: InventorySection
}

/// A blob's bytes with its top-level lines, which are found once per blob (or carried over from the
/// blob it was edited from) so that a small edit never scans the whole file.
final class BlobText {
    let oid: GitOID
    let bytes: [UInt8]
    private var knownTopLevel: [TopLevelLine]?

    init(oid: GitOID, bytes: [UInt8]) {
        self.oid = oid
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    var topLevel: [TopLevelLine] {
        if let knownTopLevel { return knownTopLevel }
        let found = ByteScan.topLevelLines(bytes, in: 0..<bytes.count)
        knownTopLevel = found
        return found
    }

    var hasTopLevel: Bool { knownTopLevel != nil }

    func setTopLevel(_ lines: [TopLevelLine]) {
        if knownTopLevel == nil { knownTopLevel = lines }
    }
}

/// Byte-level helpers over YAML text.
enum ByteScan {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")

    /// Top-level lines whose start lies in `range` (a range of line starts).
    static func topLevelLines(_ bytes: [UInt8], in range: Range<Int>) -> [TopLevelLine] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [TopLevelLine] = []
            var position = range.lowerBound
            let end = range.upperBound
            while position < end {
                if isTopLevel(buffer, at: position) {
                    result.append(TopLevelLine(offset: position, section: section(buffer, at: position)))
                }
                guard let next = nextLineStart(buffer, after: position) else { break }
                position = next
            }
            return result
        }
    }

    /// True when the line starting at `position` is a top-level line.
    static func isTopLevel(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position < buffer.count else { return false }
        switch buffer[position] {
        case UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "-"): 
            // `---` and `- ` at column 0: a document marker is top level, an item is not.
            if buffer[position] == UInt8(ascii: "-") {
                return position + 2 < buffer.count && buffer[position + 1] == UInt8(ascii: "-") && buffer[position + 2] == UInt8(ascii: "-")
            }
            return false
        default:
            return true
        }
    }

    /// What a top-level line opens: only `numbers:`, `ranges:` and `routing:` alone on their line
    /// (apart from spaces and a comment) are understood.
    static func section(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> InventorySection {
        let candidates: [(String, InventorySection)] = [("numbers:", .numbers), ("ranges:", .ranges), ("routing:", .routing)]
        for (word, section) in candidates {
            let utf8 = Array(word.utf8)
            guard position + utf8.count <= buffer.count else { continue }
            var matches = true
            for index in 0..<utf8.count where buffer[position + index] != utf8[index] {
                matches = false
                break
            }
            guard matches else { continue }
            var cursor = position + utf8.count
            var sawSpace = false
            while cursor < buffer.count {
                let byte = buffer[cursor]
                if byte == newline || byte == UInt8(ascii: "\r") { return section }
                if byte == space || byte == UInt8(ascii: "\t") { sawSpace = true; cursor += 1; continue }
                if byte == UInt8(ascii: "#") && sawSpace { return section }
                return .other
            }
            return section
        }
        return .other
    }

    /// The start of the line after the one containing `position`, or nil at the end.
    @inline(__always)
    static func nextLineStart(_ buffer: UnsafeBufferPointer<UInt8>, after position: Int) -> Int? {
        var cursor = position
        while cursor < buffer.count {
            if buffer[cursor] == newline { return cursor + 1 < buffer.count ? cursor + 1 : nil }
            cursor += 1
        }
        return nil
    }

    /// The start of the line containing `position`.
    @inline(__always)
    static func lineStart(_ buffer: UnsafeBufferPointer<UInt8>, containing position: Int) -> Int {
        var cursor = min(position, buffer.count)
        while cursor > 0 && buffer[cursor - 1] != newline { cursor -= 1 }
        return cursor
    }

    /// The start of the line before the one starting at `lineStart`, or nil at the first line.
    @inline(__always)
    static func previousLineStart(_ buffer: UnsafeBufferPointer<UInt8>, before lineStart: Int) -> Int? {
        guard lineStart > 0 else { return nil }
        return self.lineStart(buffer, containing: lineStart - 1)
    }

    enum LineShape: Equatable {
        case blank
        case item(indent: Int)
        case other(indent: Int)
    }

    /// Blank or comment-only, a sequence item (`- ` at some indentation), or anything else.
    static func shape(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> LineShape {
        var cursor = position
        while cursor < buffer.count && buffer[cursor] == space { cursor += 1 }
        guard cursor < buffer.count else { return .blank }
        let byte = buffer[cursor]
        let indent = cursor - position
        if byte == newline || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "#") { return .blank }
        if byte == UInt8(ascii: "-") {
            let next = cursor + 1 < buffer.count ? buffer[cursor + 1] : newline
            if next == space || next == newline || next == UInt8(ascii: "\r") { return .item(indent: indent) }
        }
        return .other(indent: indent)
    }

    /// Bytes compared with one `memcmp` (vectorised) before the 8-byte steps find the exact place.
    static let scanBlock = 4096

    /// Length of the common prefix: 4 KB at a time, then 8 bytes, then one.
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = min(a.count, b.count)
        var index = 0
        if let baseA = a.baseAddress, let baseB = b.baseAddress {
            let rawA = UnsafeRawPointer(baseA), rawB = UnsafeRawPointer(baseB)
            while index + scanBlock <= limit && memcmp(rawA + index, rawB + index, scanBlock) == 0 { index += scanBlock }
            while index + 8 <= limit && rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self) == rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                index += 8
            }
        }
        while index < limit && a[index] == b[index] { index += 1 }
        return index
    }

    /// Length of the common suffix, at most `limit` bytes: 4 KB at a time, then 8 bytes, then one.
    static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var length = 0
        if let baseA = a.baseAddress, let baseB = b.baseAddress {
            let rawA = UnsafeRawPointer(baseA), rawB = UnsafeRawPointer(baseB)
            while length + scanBlock <= limit
                && memcmp(rawA + (a.count - length - scanBlock), rawB + (b.count - length - scanBlock), scanBlock) == 0 {
                length += scanBlock
            }
            while length + 8 <= limit
                && rawA.loadUnaligned(fromByteOffset: a.count - length - 8, as: UInt64.self) == rawB.loadUnaligned(fromByteOffset: b.count - length - 8, as: UInt64.self) {
                length += 8
            }
        }
        while length < limit && a[a.count - 1 - length] == b[b.count - 1 - length] { length += 1 }
        return length
    }

    /// True when `needle` occurs in `buffer[range]`.
    static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return false }
        var index = range.lowerBound
        let last = range.upperBound - needle.count
        while index <= last {
            if buffer[index] == first {
                var matched = true
                for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }

    /// True when any of `bytes` occurs in `buffer[range]`.
    static func containsAny(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        for index in range where bytes.contains(buffer[index]) { return true }
        return false
    }
}
