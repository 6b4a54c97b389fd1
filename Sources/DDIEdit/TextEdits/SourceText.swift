import DDIKit

/// The bytes of one inventory file with an index of its lines, so that the 1-based line and column of a
/// YAML node (columns count characters, as libyaml does) can be turned into byte offsets.
///
/// Nothing is normalised: edits splice bytes into the original text, so everything not edited stays
/// byte for byte, including the line-ending style (LF or CRLF) and a UTF-8 byte order mark.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offset where each line starts (index 0 is line 1).
    let lineStarts: [Int]
    /// "\r\n" when the file's first line break is CRLF, else "\n".
    let lineEnding: String

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        // libyaml does not count a byte order mark in line 1's columns.
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        starts.append(bomLength)
        var ending: String?
        var index = bomLength
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 10 {
                if ending == nil { ending = index > 0 && bytes[index - 1] == 13 ? "\r\n" : "\n" }
                starts.append(index + 1)
            } else if byte == 13, index + 1 >= bytes.count || bytes[index + 1] != 10 {
                // A lone CR is a line break for YAML too.
                if ending == nil { ending = "\n" }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        lineEnding = ending ?? "\n"
    }

    var lineCount: Int { lineStarts.count }

    /// Offset of the first byte of `line` (1-based); `bytes.count` past the end.
    func start(ofLine line: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return lineStarts[line - 1]
    }

    /// Offset just after the last content byte of `line`, before its line break.
    func contentEnd(ofLine line: Int) -> Int {
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let start = start(ofLine: line)
        if end > start, bytes[end - 1] == 10 { end -= 1 }
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// Offset just after `line`'s line break (the start of the next line, or the end of the file).
    func fullEnd(ofLine line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    func hasLineBreak(line: Int) -> Bool { fullEnd(ofLine: line) > contentEnd(ofLine: line) }

    /// The byte offset of a 1-based (line, character column) position.
    func offset(line: Int, column: Int) -> Int {
        var offset = start(ofLine: line)
        let end = contentEnd(ofLine: line)
        var remaining = column - 1
        while remaining > 0, offset < end {
            offset += 1
            while offset < end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    func offset(of location: SourceLocation) -> Int { offset(line: location.line, column: location.column) }

    /// The 1-based line holding byte `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(1, low)
    }

    /// Number of leading spaces of `line`.
    func indentation(ofLine line: Int) -> Int {
        let start = start(ofLine: line), end = contentEnd(ofLine: line)
        var offset = start
        while offset < end, bytes[offset] == 32 { offset += 1 }
        return offset - start
    }

    /// True when `line` holds only spaces or tabs.
    func isBlank(line: Int) -> Bool {
        let start = start(ofLine: line), end = contentEnd(ofLine: line)
        return bytes[start..<end].allSatisfy { $0 == 32 || $0 == 9 }
    }

    /// True when the first non-space character of `line` is `#`.
    func isComment(line: Int) -> Bool {
        let start = start(ofLine: line) + indentation(ofLine: line)
        return start < contentEnd(ofLine: line) && bytes[start] == UInt8(ascii: "#")
    }

    /// The text of `line` without its line break.
    func text(ofLine line: Int) -> String {
        String(decoding: bytes[start(ofLine: line)..<contentEnd(ofLine: line)], as: UTF8.self)
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
