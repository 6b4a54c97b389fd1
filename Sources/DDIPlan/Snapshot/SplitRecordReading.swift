import DDIKit

/// Reads the records of a large top-level JSON array on several cores: a 100 MB numbers export
/// read by one thread was the longest part of a plan on the reference tenant.
///
/// Where the parts start is guessed: the first text like the one between the first two records
/// (`},{`, whitespace and all) after an even share of the file. A guess may lie inside a string or
/// a nested array, so it is never trusted: each part is read
/// on its own thread as if a record started there, and its records are used only when the reader
/// from the file's start arrives at that very offset at the start of a record (`JSONRecordReader.
/// nextStep`). From there the text is the same and so is everything read from it, but the record
/// indexes and lines, which are shifted by what came before. A part whose reading failed (bad
/// syntax, a guess inside a string, a read error) is read again by the reader from the start, so
/// that every problem and message is the single reader's.
final class SplitRecordReading {
    /// Below this many bytes per part a file is read by one thread: a thread costs more than it saves.
    static let minimumBytesPerPart = 4 << 20
    /// How far past an even share the first record boundary is looked for.
    static let probeLength = 1 << 16

    /// Text offsets of the parts' first `{`, ascending; the reader from the start stops at them.
    let partStarts: [Int]
    private var workers: [Background<PartResult>?]

    /// What reading one part gave, indexes and lines counted from its start.
    enum PartResult: Sendable {
        /// Read up to the start of part `next`; `line`: the line it starts on (the part's first line is 1).
        case linked(SnapshotContribution, records: Int, next: Int, line: Int)
        /// Read to the end of the array, and nothing but whitespace after it.
        case ended(SnapshotContribution, records: Int)
        case failed
    }

    /// What `take` hands over: the part's records (indexes and lines counted from the part's start:
    /// `recordsBefore` and `linesBefore` shift them into place), and where reading goes on.
    struct Taken {
        var contribution: SnapshotContribution
        var records: Int
        var recordsBefore: Int
        var linesBefore: Int
        /// Nil: the part read to the end of the file. Else the part, line and records read before it.
        var next: (part: Int, line: Int, recordsRead: Int)?
    }

    /// Starts reading the parts of `path` past the text offset `after` (the first record), `parts`
    /// in all counting the first; nil when the file is too small or no boundary is found.
    /// `separator`: what stands between the first two records (`separator(after:)`); `firstRecordLength`:
    /// the first record's length in bytes, from which each part reserves room for its records.
    init?(path: String, textStart: Int, textLength: Int, after: Int, separator: [UInt8], firstRecordLength: Int, parts: Int,
          format: any SnapshotFormatReader, file: String, chunkSize: Int,
          minimumBytesPerPart: Int = SplitRecordReading.minimumBytesPerPart) {
        var starts: [Int] = []
        if parts > 1, textLength / parts >= minimumBytesPerPart {
            for part in 1..<parts {
                let guess = max(textLength / parts * part, after)
                guard let stream = JSONByteStream(path: path, textOffset: guess, textStart: textStart, chunkSize: Self.probeLength),
                      // The window points into the stream's buffer: the stream must outlive the scan.
                      let start = withExtendedLifetime(stream, { Self.firstRecordStart(in: stream.window, separator: separator) }).map({ $0 + guess }),
                      start > (starts.last ?? after) else { continue }
                starts.append(start)
            }
        }
        guard !starts.isEmpty else { return nil }
        partStarts = starts
        workers = starts.indices.map { part in
            // An array grown by appending touches twice the memory it ends with.
            let length = (part + 1 < starts.count ? starts[part + 1] : textLength) - starts[part]
            let expected = SnapshotStreaming.expectedRecords(fileSize: length, firstRecordLength: firstRecordLength)
            return Background(placeholder: PartResult.failed) { [starts] in
                Self.read(path: path, textStart: textStart, partStarts: starts, part: part, format: format, file: file,
                          chunkSize: chunkSize, expectedRecords: expected)
            }
        }
    }

    /// The offset in `bytes` of the `{` that ends the first occurrence of `separator` (the text
    /// between the file's first two records: `}`, whitespace, `,`, whitespace, `{`). Exports repeat
    /// it between every two records; in a pretty-printed one it holds a line break, which no JSON
    /// string can, and the indentation of the top level, which nested objects do not have.
    static func firstRecordStart(in bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8]) -> Int? {
        guard let first = separator.first, separator.count <= bytes.count else { return nil }
        var index = 0
        while index <= bytes.count - separator.count {
            if bytes[index] == first, separator.indices.allSatisfy({ bytes[index + $0] == separator[$0] }) {
                return index + separator.count - 1
            }
            index += 1
        }
        return nil
    }

    /// The separator of records as `firstRecordStart` wants it, from the text after a record's
    /// closing `}`; nil when the text there is anything else.
    static func separator(after text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 }
        var index = 0
        while index < text.count, index < 64, isSpace(text[index]) { index += 1 }
        guard index < text.count, text[index] == UInt8(ascii: ",") else { return nil }
        index += 1
        while index < text.count, index < 128, isSpace(text[index]) { index += 1 }
        guard index < text.count, text[index] == UInt8(ascii: "{") else { return nil }
        return [UInt8(ascii: "}")] + Array(text[0...index])
    }

    /// Reads part `part` with a fresh sink of `format`, until a later part's start or the end.
    private static func read(path: String, textStart: Int, partStarts: [Int], part: Int, format: any SnapshotFormatReader,
                             file: String, chunkSize: Int, expectedRecords: Int) -> PartResult {
        guard var sink = format.recordSink(file: file),
              let stream = JSONByteStream(path: path, textOffset: partStarts[part], textStart: textStart, chunkSize: chunkSize)
        else { return .failed }
        sink.reserve(records: expectedRecords)
        var reader = JSONRecordReader(stream: stream, partStarts: partStarts, part: part)
        do throws(JSONSyntaxError) {
            while true {
                switch try reader.nextStep() {
                case .record(let record):
                    sink.add(record)
                case .partStart(let next):
                    guard !stream.readFailed else { return .failed }
                    return .linked(sink.contribution, records: reader.recordsRead, next: next, line: reader.line)
                case .end:
                    try reader.finishDocument()
                    guard !stream.readFailed else { return .failed }
                    return .ended(sink.contribution, records: reader.recordsRead)
                }
            }
        } catch {
            return .failed
        }
    }

    /// The records of part `part`, which the reader from the start reached at the start of a record
    /// on `line` with `recordsRead` records before it; nil when the part must be read again (it
    /// failed, or it would take the file past `SnapshotRecord.maximumPerFile`, which the reader
    /// from the start then reports where it reports it).
    func take(part: Int, line: Int, recordsRead: Int) -> Taken? {
        guard part >= 0, part < workers.count, let worker = workers[part] else { return nil }
        let result = worker.value()
        workers[part] = nil
        switch result {
        case .failed:
            return nil
        case .linked(let contribution, let records, let next, let nextLine):
            guard recordsRead + records <= SnapshotRecord.maximumPerFile else { return nil }
            return Taken(contribution: contribution, records: records, recordsBefore: recordsRead, linesBefore: line - 1,
                         next: (next, line + nextLine - 1, recordsRead + records))
        case .ended(let contribution, let records):
            guard recordsRead + records <= SnapshotRecord.maximumPerFile else { return nil }
            return Taken(contribution: contribution, records: records, recordsBefore: recordsRead, linesBefore: line - 1, next: nil)
        }
    }

    /// Waits for the parts not taken, so that no thread outlives the read.
    func finish() {
        for worker in workers { _ = worker?.value() }
        workers = []
    }
}

extension SnapshotContribution {
    /// `other`'s records (what record sinks give: numbers, accounts, locations, problems and notes)
    /// after these, as if `records` records and `lines` lines had come before them.
    mutating func append(_ other: SnapshotContribution, shiftingRecords records: Int, lines: Int) {
        if records == 0, lines == 0 {
            // The first part read from the file's start keeps its storage (room for the whole file).
            if numbers.isEmpty { numbers = other.numbers } else { numbers += other.numbers }
            if accounts.isEmpty { accounts = other.accounts } else { accounts += other.accounts }
            locations += other.locations
            problems += other.problems
            notes += other.notes
            return
        }
        numbers.reserveCapacity(numbers.count + other.numbers.count)
        for var number in other.numbers {
            number.origin.record += records
            numbers.append(number)
        }
        for var account in other.accounts {
            account.origin.record += records
            accounts.append(account)
        }
        for var location in other.locations {
            location.origin.record += records
            locations.append(location)
        }
        for var problem in other.problems {
            problem.record = problem.record.map { $0 + records }
            problem.line = problem.line.map { $0 + lines }
            problems.append(problem)
        }
        for var note in other.notes {
            note.record = note.record.map { $0 + records }
            notes.append(note)
        }
    }
}
