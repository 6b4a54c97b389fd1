import Crypto
import Foundation

/// One snapshot file for `SnapshotLoader.read`: its bytes already read, or a regular file on disk
/// that is read as it is parsed.
enum SnapshotInput: Sendable {
    case loaded(SnapshotSource)
    /// `path` to open, `name` for messages.
    case file(path: String, name: String)
}

/// Reads a snapshot file record by record: a `Get-CsPhoneNumberAssignment` export of a large tenant
/// is 100 MB of JSON, and holding it whole, then as 100,000 records, then as live numbers took
/// most of the plan's memory. A top-level JSON array whose first record a streaming format claims
/// is read in chunks, each record handed to the format's sink and forgotten; anything else (CSV,
/// Graph pages, UTF-16, routing exports, a file no streaming format claims) is read whole as before.
/// Both ways give the same records, problems and notes: the sinks are what `read` uses, and the
/// claim is made by the same registry on the same first record.
enum SnapshotStreaming {
    /// True when `path` opens for reading as a regular file (anything else is read whole, so that
    /// it fails as it always did).
    static func isStreamable(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        return fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The file's digest and what it adds to the snapshot.
    /// `parts`: threads a large array of records is read on (`SplitRecordReading`).
    static func parse(file path: String, name: String, formats: [any SnapshotFormatReader],
                      chunkSize: Int = JSONByteStream.defaultChunkSize, parts: Int = defaultParts,
                      minimumBytesPerPart: Int = SplitRecordReading.minimumBytesPerPart) -> (digest: String, parsed: SnapshotLoader.Parsed) {
        if let stream = JSONByteStream(path: path, chunkSize: chunkSize), !stream.isUTF16,
           let streamed = parse(stream, path: path, name: name, formats: formats,
                                split: (parts, minimumBytesPerPart, chunkSize)) {
            return streamed
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var parsed = SnapshotLoader.Parsed()
            parsed.problems.append(SnapshotProblem(file: name, message: "cannot read the file"))
            return ("", parsed)
        }
        let source = SnapshotSource(path: name, bytes: [UInt8](data))
        return (SnapshotLoader.digest(source.bytes), SnapshotLoader.parse(source, formats: formats))
    }

    /// One part per core, for a large enough file.
    static var defaultParts: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) }

    /// Nil when the file is not a non-empty top-level array whose first record a streaming format
    /// claims: the caller then reads it whole.

    private static func parse(_ stream: JSONByteStream, path: String, name: String, formats: [any SnapshotFormatReader],
                              split: (parts: Int, minimumBytesPerPart: Int, chunkSize: Int))
        -> (digest: String, parsed: SnapshotLoader.Parsed)? {
        var reader = JSONRecordReader(stream: stream)
        guard reader.startsWithArray() else { return nil }
        var parsed = SnapshotLoader.Parsed()
        do throws(JSONSyntaxError) {
            try reader.openRecordArray()
            guard let first = try reader.nextRecord(),
                  let (format, sink) = streamingFormat(for: SnapshotExport(path: name, firstRecordOfArray: first), in: formats)
            else { return nil }
            var records = sink
            let firstRecordLength = reader.lastRecordLength
            records.reserve(records: expectedRecords(fileSize: stream.fileSize, firstRecordLength: firstRecordLength))
            records.add(first)
            var contribution = SnapshotContribution()
            var recordsRead = 0
            var partsTaken = 0
            if format.content == .numbers || format.content == .directory, let separator = reader.separatorAhead(),
               let parts = SplitRecordReading(
                   path: path, textStart: stream.textStart, textLength: stream.fileSize - stream.textStart, after: reader.position,
                   separator: separator, firstRecordLength: firstRecordLength, parts: split.parts, format: format, file: name,
                   chunkSize: split.chunkSize, minimumBytesPerPart: split.minimumBytesPerPart) {
                defer { parts.finish() }
                reader.partStarts = parts.partStarts
                reading: while true {
                    switch try reader.nextStep() {
                    case .record(let record):
                        records.add(record)
                    case .end:
                        try reader.finishDocument()
                        break reading
                    case .partStart(let part):
                        // Nil: the part failed; this reader reads it again, from the start of a record.
                        guard let taken = parts.take(part: part, line: reader.line, recordsRead: reader.recordsRead),
                              let fresh = format.recordSink(file: name) else { continue }
                        contribution.append(records.contribution, shiftingRecords: 0, lines: 0)
                        records = fresh
                        partsTaken += 1
                        contribution.append(taken.contribution, shiftingRecords: taken.recordsBefore, lines: taken.linesBefore)
                        guard let next = taken.next else {
                            recordsRead = taken.recordsBefore + taken.records
                            break reading
                        }
                        reader.resume(atPart: next.part, line: next.line, recordsRead: next.recordsRead)
                    }
                }
            } else {
                while let record = try reader.nextRecord() { records.add(record) }
                try reader.finishDocument()
            }
            contribution.append(records.contribution, shiftingRecords: 0, lines: 0)
            recordsRead = max(recordsRead, reader.recordsRead)
            guard let digest = stream.digest() else {
                parsed.problems.append(SnapshotProblem(file: name, message: "cannot read the file"))
                return ("", parsed)
            }
            parsed.take(contribution, format: format.format, recordsRead: recordsRead)
            parsed.partsTaken = partsTaken
            return (digest, parsed)
        } catch {
            // As `SnapshotLoader.parse` reports a file that is not valid JSON (no format claims it).
            let problem = stream.readFailed
                ? SnapshotProblem(file: name, message: "cannot read the file")
                : SnapshotProblem(file: name, line: error.line, message: "not valid JSON: \(error.message)")
            parsed.problems.append(problem)
            return ("", parsed)
        }
    }

    /// About how many records a file holds whose first record is this long (exports repeat one
    /// shape), a sixteenth more for variation. Never more than one per 128 bytes of the file: a
    /// file with a tiny first record reserves at most about twice the file's size (a live number
    /// or account takes about 200 bytes), which is no longer held.
    static func expectedRecords(fileSize: Int, firstRecordLength: Int) -> Int {
        let estimate = fileSize / max(firstRecordLength, 1)
        return min(estimate + estimate / 16, fileSize / 128, SnapshotRecord.maximumPerFile)
    }

    /// The format that claims `preview` and its sink, asked in registry order as `SnapshotFormats`
    /// does; nil when a format that must see the whole text comes first, or the claimer has no sink.
    static func streamingFormat(for preview: SnapshotExport, in formats: [any SnapshotFormatReader])
        -> (format: any SnapshotFormatReader, sink: any SnapshotRecordSink)? {
        for format in formats {
            guard format.claimsByShape else { return nil }
            guard format.claims(preview) else { continue }
            guard let sink = format.recordSink(file: preview.path) else { return nil }
            return (format, sink)
        }
        return nil
    }
}
