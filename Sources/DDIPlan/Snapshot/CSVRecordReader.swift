import SwiftCSV

/// Reads `Export-Csv` output with SwiftCSV (quoting, embedded newlines and doubled quotes are its job).
/// Before parsing, the `#TYPE ...` line that Windows PowerShell writes without `-NoTypeInformation`
/// is dropped, and the delimiter is taken from the header line (`-UseCulture` gives `;` on most
/// European systems).
enum CSVRecordReader {
    struct Export {
        var records: [SnapshotRecord]
        /// The header names as written.
        var header: [String]
        /// A record with every known column of the header (as null): what the export holds, even without rows.
        var columns: SnapshotRecord
    }

    struct Failure: Error {
        var message: String
    }

    /// `.NET` collection type names that `Export-Csv` writes for list properties instead of their items.
    static let collectionTypeNames = ["System.Object[]", "System.String[]", "System.Collections."]

    static func read(_ bytes: [UInt8]) throws(Failure) -> Export {
        var text = Substring(String(decoding: bytes, as: UTF8.self))
        while text.hasPrefix("#") {
            guard let end = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { text = ""; break }
            text = text[text.index(after: end)...]
        }
        guard let headerLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).first,
              !headerLine.allSatisfy({ $0 == " " || $0 == "," || $0 == ";" }) else {
            throw Failure(message: "the file has no CSV header line")
        }
        let delimiter = guessDelimiter(headerLine)
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: String(text), delimiter: delimiter, loadColumns: false)
        } catch {
            throw Failure(message: "not valid CSV: \(describe(error))")
        }
        guard csv.rows.count <= SnapshotRecord.maximumPerFile else {
            throw Failure(message: "more than \(SnapshotRecord.maximumPerFile) records in one file: split the export")
        }
        let fields = csv.header.map { Field.byKey[$0.trimming(" \"").lowercased()] }
        var records: [SnapshotRecord] = []
        records.reserveCapacity(csv.rows.count)
        for row in csv.rows {
            // A blank line parses as one empty cell: not a record.
            if row.allSatisfy(\.isEmpty) { continue }
            var record = SnapshotRecord(index: records.count + 1, line: nil)
            for (column, field) in fields.enumerated() {
                guard let field, column < row.count else { continue }
                record[field] = cellValue(row[column])
            }
            records.append(record)
        }
        var columns = SnapshotRecord(index: 0, line: 1)
        for field in fields.compactMap({ $0 }) { columns[field] = .null }
        return Export(records: records, header: csv.header, columns: columns)
    }

    /// Empty cells are what `Export-Csv` writes for `$null`.
    static func cellValue(_ cell: String) -> FieldValue {
        if cell.isEmpty { return .null }
        if collectionTypeNames.contains(where: { cell.hasPrefix($0) }) { return .opaque(cell) }
        return .text(cell)
    }

    private static func guessDelimiter(_ header: Substring) -> CSVDelimiter {
        let candidates: [(Character, CSVDelimiter)] = [(",", .comma), (";", .semicolon), ("\t", .tab)]
        var best: (count: Int, delimiter: CSVDelimiter) = (0, .comma)
        for (character, delimiter) in candidates {
            let count = header.reduce(0) { $1 == character ? $0 + 1 : $0 }
            if count > best.count { best = (count, delimiter) }
        }
        return best.delimiter
    }

    private static func describe(_ error: Error) -> String {
        switch error as? CSVParseError {
        case .quotation(let message)?: "a quoted field is malformed (\(message))"
        case .generic(let message)?: message
        case nil: "\(error)"
        }
    }
}

extension String {
    fileprivate func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
