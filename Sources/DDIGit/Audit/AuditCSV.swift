import DDIKit

/// The audit's CSV written as bytes into one buffer: a large inventory has over a hundred thousand
/// rows, and building a String per field, per row and per line was a quarter of a warm `ddi audit`
/// (issue 15). The text is the same, byte for byte, as `TextEscaping.csvField` makes it.
struct AuditCSVWriter {
    private(set) var bytes: [UInt8] = []
    /// The last-change fields of the rows a commit changed last, escaped once per commit (and used
    /// again only for the very same commit information).
    private var commitFields: [GitOID: (commit: CommitInfo, bytes: [UInt8])] = [:]
    /// Where full buffers go (`write(_:to:)`): the output is handed on in pieces instead of growing
    /// one buffer of tens of megabytes, whose fresh pages cost more than writing them.
    private var sink: (([UInt8]) -> Void)?

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let pieceSize = 1 << 20

    mutating func write(_ report: AuditReport) {
        // About 270 bytes a row on the benchmark inventory: one allocation, no 30 MB copy on growth.
        bytes.reserveCapacity(sink == nil ? 320 * (report.rows.count + 1) : Self.pieceSize + (64 << 10))
        line(AuditRenderer.columns.joined(separator: ","))
        // Rows are read in place: copying each entry (a dozen strings) was a tenth of the writing.
        report.rows.withUnsafeBufferPointer { rows in
            for index in rows.indices {
                row(rows[index])
                if let sink, bytes.count >= Self.pieceSize {
                    sink(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        if let sink, !bytes.isEmpty {
            sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// The CSV of `report`, handed to `sink` in pieces of about a megabyte.
    mutating func write(_ report: AuditReport, to sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        write(report)
        self.sink = nil
    }

    private mutating func row(_ row: borrowing AuditRow) {
        field(row.entry.key, defusingFormula: false)
        optionalField(row.entry.status)
        optionalField(row.entry.kind)
        optionalField(row.entry.owner)
        optionalField(row.entry.assignedTo)
        optionalField(row.entry.routing)
        bytes.append(Self.comma)
        if let reviewed = row.entry.reviewed { field(reviewed.description) }
        bytes.append(Self.comma)
        fileField(row.entry.path, line: row.entry.line)
        if let change = row.lastChange {
            if let known = commitFields[change.oid], known.commit == change {
                bytes += known.bytes
            } else {
                let start = bytes.count
                for value in [change.oid.hex, "\(change.author.name) <\(change.author.email)>", change.author.isoDate, change.summary] {
                    bytes.append(Self.comma)
                    field(value)
                }
                commitFields[change.oid] = (change, Array(bytes[start...]))
            }
        } else {
            bytes += [Self.comma, Self.comma, Self.comma, Self.comma]
        }
        bytes.append(Self.comma)
        switch row.flags.count {
        case 0: break
        case 1: field(row.flags[0].rawValue)
        default: field(row.flags.map(\.rawValue).joined(separator: " "))
        }
        bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    }

    /// A comma, then the value's field (empty for none).
    private mutating func optionalField(_ value: String?) {
        bytes.append(Self.comma)
        if let value { field(value) }
    }

    /// `field(path + ":" + line)` without making that string: the digits and the colon change neither
    /// the quoting nor the formula defusing, which the path alone decides (when it is printable ASCII).
    private mutating func fileField(_ path: String, line: Int) {
        var path = path
        let simple = path.withUTF8 { text in
            !text.isEmpty && text.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != Self.comma && $0 != Self.quote }
                && !Self.startsFormula(text)
        }
        guard simple else { return field(path + ":" + String(line)) }
        bytes += path.utf8
        bytes.append(UInt8(ascii: ":"))
        bytes += String(line).utf8
    }

    private static func startsFormula(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
    }

    private mutating func line(_ text: String) {
        bytes += text.utf8
        bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
    }

    /// `TextEscaping.csvField(value, defusingFormula:)`, appended. Printable ASCII (the usual case) is
    /// escaped here byte by byte; anything else goes through `csvField` itself.
    mutating func field(_ value: String, defusingFormula: Bool = true) {
        var value = value
        let written = value.withUTF8 { text -> Bool in
            var needsQuotes = false
            for byte in text {
                guard byte >= 0x20 && byte < 0x7F else { return false }
                if byte == Self.comma || byte == Self.quote { needsQuotes = true }
            }
            if needsQuotes { bytes.append(Self.quote) }
            if defusingFormula, let first = text.first,
               first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
                bytes.append(UInt8(ascii: "'"))
            }
            if needsQuotes {
                for byte in text {
                    bytes.append(byte)
                    if byte == Self.quote { bytes.append(Self.quote) }
                }
                bytes.append(Self.quote)
            } else {
                bytes.append(contentsOf: text)
            }
            return true
        }
        if !written { bytes += TextEscaping.csvField(value, defusingFormula: defusingFormula).utf8 }
    }
}
