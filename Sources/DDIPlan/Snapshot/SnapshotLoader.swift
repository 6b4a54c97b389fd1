import Crypto
import DDIKit
import Foundation

/// One snapshot file to read: the name messages use, and its bytes.
public struct SnapshotSource: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Reads a snapshot: any mix of the exports of README "The snapshot", each file's format told by its content.
public enum SnapshotLoader {
    /// Snapshot files are `*.json` and `*.csv`; a directory is searched recursively (hidden entries skipped).
    public static let fileExtensions: Set<String> = ["json", "csv"]

    /// Lists the files of `paths` (files as given; directories expanded, sorted) and reads them.
    /// `display` turns a path into the name messages use (e.g. relative to the inventory root).
    public static func sources(paths: [String], display: (String) -> String = { $0 }) throws(SnapshotProblems) -> [SnapshotSource] {
        var (files, problems) = listFiles(paths: paths, display: display)
        var sources: [SnapshotSource] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(SnapshotProblem(file: display(file), message: "cannot read the file"))
                continue
            }
            sources.append(SnapshotSource(path: display(file), bytes: [UInt8](data)))
        }
        if !problems.isEmpty { throw SnapshotProblems(problems) }
        return sources
    }

    /// The files of `paths` (files as given; directories expanded, sorted), and what is wrong with
    /// the paths (missing, empty directories, links out of a directory).
    static func listFiles(paths: [String], display: (String) -> String) -> (files: [String], problems: [SnapshotProblem]) {
        var files: [String] = []
        var problems: [SnapshotProblem] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(SnapshotProblem(file: display(path), message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            var found: [String] = []
            // A file listed from a directory must resolve inside it: the directory may come from a pull
            // request, and a link in it to a file elsewhere on the machine is refused unread. A file
            // named on the command line is read as given (the user chose it).
            let resolvedDirectory = InventoryBoundary.resolved(path) ?? path
            var refusedLinks = 0
            if let enumerator = manager.enumerator(atPath: path) {
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { enumerator.skipDescendants(); continue }
                    guard fileExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                    let file = (path as NSString).appendingPathComponent(relative)
                    guard InventoryBoundary.contains(resolvedDirectory, InventoryBoundary.resolved(file) ?? "") else {
                        refusedLinks += 1
                        problems.append(SnapshotProblem(file: display(file), message: "a symbolic link to a file outside \(display(path)): not read (snapshot files must lie inside the snapshot directory)"))
                        continue
                    }
                    found.append(file)
                }
            }
            if found.isEmpty, refusedLinks == 0 {
                problems.append(SnapshotProblem(file: display(path), message: "the directory holds no *.json or *.csv export"))
            }
            files += found.sorted()
        }
        return (files, problems)
    }

    /// `requireNumbers`: a directory given that holds a directory export but no numbers export is
    /// refused (a plan against it would call every number "not in the tenant"); `ddi audit --live`
    /// reads directory exports alone and passes false.
    public static func load(paths: [String], display: (String) -> String = { $0 }, requireNumbers: Bool = true) throws(SnapshotProblems) -> LiveSnapshot {
        // Regular files are read as they are parsed (`SnapshotStreaming`); anything else is read
        // now, so that it fails as it always did.
        var (files, problems) = listFiles(paths: paths, display: display)
        var inputs: [SnapshotInput] = []
        for file in files {
            if SnapshotStreaming.isStreamable(file) {
                inputs.append(.file(path: file, name: display(file)))
            } else if let data = FileManager.default.contents(atPath: file) {
                inputs.append(.loaded(SnapshotSource(path: display(file), bytes: [UInt8](data))))
            } else {
                problems.append(SnapshotProblem(file: display(file), message: "cannot read the file"))
            }
        }
        if !problems.isEmpty { throw SnapshotProblems(problems) }
        let snapshot = try read(inputs, formats: SnapshotFormats.all)
        if requireNumbers { try checkNumbersExport(snapshot, paths: paths, display: display) }
        return snapshot
    }

    /// Refuses a snapshot directory with a directory export and no numbers export (not even an empty one).
    static func checkNumbersExport(_ snapshot: LiveSnapshot, paths: [String], display: (String) -> String) throws(SnapshotProblems) {
        guard snapshot.files.contains(where: { $0.format.isDirectory }),
              !snapshot.files.contains(where: { $0.format.isNumbers || $0.format == .empty }) else { return }
        var directories: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { directories.append(path) }
        }
        guard !directories.isEmpty else { return }
        throw SnapshotProblems(directories.map {
            SnapshotProblem(file: display($0), message: "no numbers export found in \(display($0)): add Get-CsPhoneNumberAssignment (paged with -Skip/-Top), the Export-CsAcquiredPhoneNumber file or Graph numberAssignments pages beside the directory export")
        })
    }

    /// Parses every source, then checks the snapshot as a whole (duplicates, Graph paging).
    public static func read(_ sources: [SnapshotSource]) throws(SnapshotProblems) -> LiveSnapshot {
        try read(sources, formats: SnapshotFormats.all)
    }

    /// `formats`: the registry to read with (tests add a format to it).
    static func read(_ sources: [SnapshotSource], formats: [any SnapshotFormatReader]) throws(SnapshotProblems) -> LiveSnapshot {
        try read(sources.map(SnapshotInput.loaded), formats: formats)
    }

    static func read(_ inputs: [SnapshotInput], formats: [any SnapshotFormatReader]) throws(SnapshotProblems) -> LiveSnapshot {
        var problems: [SnapshotProblem] = []
        var numbers: [LiveNumber] = []
        var accounts: [DirectoryAccount] = []
        var locations: [LiveLocation]?
        var notes: [SnapshotNote] = []
        var files: [SnapshotFile] = []
        var pages: [(path: String, nextLink: String?, records: Int)] = []
        var routing = LiveRouting()
        // Files are independent: parse and hash them on all cores (numbers and users exports are
        // the two big ones of a real snapshot).
        var results = Parallel.map(inputs) { input in
            switch input {
            case .loaded(let source):
                return (path: source.path, digest: digest(source.bytes), parsed: parse(source, formats: formats))
            case .file(let path, let name):
                let (digest, parsed) = SnapshotStreaming.parse(file: path, name: name, formats: formats)
                return (path: name, digest: digest, parsed: parsed)
            }
        }
        for index in results.indices {
            let (path, digest) = (results[index].path, results[index].digest)
            // Taken out of `results`, so that its arrays are this loop's alone and join without copies.
            var parsed = Parsed()
            swap(&parsed, &results[index].parsed)
            problems += parsed.problems
            joinInOrder(&numbers, taking: &parsed.numbers)
            joinInOrder(&accounts, taking: &parsed.accounts)
            if let more = parsed.routing { routing.merge(more) }
            notes += parsed.notes
            if parsed.format.isLocations { locations = (locations ?? []) + parsed.locations }
            files.append(SnapshotFile(path: path, sha256: digest, format: parsed.format, records: parsed.records))
            if let page = parsed.page { pages.append((path, page.nextLink, parsed.records)) }
        }
        problems += pagingProblems(pages.map { ($0.path, $0.nextLink) })
        problems += duplicateNumbers(numbers)
        var merged = mergeAccounts(accounts)
        // `merged` may hold the very same array: let go of this one, so that marking accounts
        // below changes them in place instead of copying 100,000 of them.
        accounts = []
        problems += merged.problems
        if !problems.isEmpty { throw SnapshotProblems(problems) }
        markVoiceApplicationTargets(&merged.accounts, numbers: numbers)
        notes += truncationNotes(files: files, graphPages: pages.map { ($0.path, $0.records) })
        var snapshot = LiveSnapshot(numbers: numbers, accounts: merged.accounts, files: files, locations: locations, notes: notes)
        snapshot.routing = routing
        return snapshot
    }

    /// `joined` followed by `next`, in this order. The larger array keeps its storage (the
    /// other's elements are moved in beside its own), so a large export is never copied
    /// element by element (100,000 accounts after a small resource-account export).
    static func joinInOrder<Element>(_ joined: inout [Element], taking next: inout [Element]) {
        if next.isEmpty { return }
        if joined.isEmpty {
            swap(&joined, &next)
        } else if next.count > joined.count {
            var earlier: [Element] = []
            swap(&earlier, &joined)
            swap(&joined, &next)
            joined.insert(contentsOf: earlier, at: 0)
        } else {
            joined += next
        }
        next = []
    }

    /// `sha256:` and the hex digest of a file's bytes, as stored.
    static func digest(_ bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { byteHex($0) }.joined()
    }

    struct Parsed {
        var format: SnapshotFormat = .empty
        var records = 0
        var numbers: [LiveNumber] = []
        var accounts: [DirectoryAccount] = []
        var routing: LiveRouting?
        var locations: [LiveLocation] = []
        var page: SnapshotContribution.Page?
        var problems: [SnapshotProblem] = []
        var notes: [SnapshotNote] = []
        /// Parts of the file read on other threads and used (`SplitRecordReading`).
        var partsTaken = 0

        /// What a format read from the file; `recordsRead` stands in when the format counts none.
        mutating func take(_ contribution: SnapshotContribution, format: SnapshotFormat, recordsRead: Int) {
            self.format = format
            numbers = contribution.numbers
            accounts = contribution.accounts
            routing = contribution.routing
            locations = contribution.locations
            notes = contribution.notes
            page = contribution.page
            records = contribution.records ?? recordsRead
            problems = contribution.problems
        }
    }

    /// Reads one file with the first registered format that claims it. A file no format claims is
    /// reported as what it is not: empty, not valid JSON or CSV, or of unknown content.
    static func parse(_ source: SnapshotSource, formats: [any SnapshotFormatReader] = SnapshotFormats.all) -> Parsed {
        var parsed = Parsed()
        let export = SnapshotExport(path: source.path, bytes: source.bytes)
        guard !export.isBlank else {
            parsed.problems.append(SnapshotProblem(file: source.path, message: "the file is empty"))
            return parsed
        }
        if case .success(let decoded) = export.decoded { parsed.records = decoded.records.count }
        guard let reader = SnapshotFormats.reader(claiming: export, in: formats) else {
            switch export.decoded {
            case .failure(let failure):
                parsed.problems.append(SnapshotProblem(file: source.path, line: failure.line, message: failure.message))
            case .success(let decoded):
                parsed.problems.append(SnapshotProblem(file: source.path, line: decoded.shape?.line, message: SnapshotFormat.unknownContentMessage))
            }
            return parsed
        }
        parsed.take(reader.read(export), format: reader.format, recordsRead: parsed.records)
        return parsed
    }

    /// Graph pages chain by `@odata.nextLink`: every page but the last has one. A snapshot whose pages
    /// all have one is missing its last page; several pages without one are several exports mixed.
    static func pagingProblems(_ pages: [(path: String, nextLink: String?)]) -> [SnapshotProblem] {
        guard !pages.isEmpty else { return [] }
        let lastPages = pages.filter { $0.nextLink == nil }
        if lastPages.isEmpty {
            let path = pages[pages.count - 1].path
            return [SnapshotProblem(file: path, field: "@odata.nextLink", message: "every Graph page of the snapshot has an @odata.nextLink, so the last page is missing: follow the link and save every page (\(Wording.counted(pages.count, "page")) given)")]
        }
        if lastPages.count > 1 {
            return lastPages.dropFirst().map {
                SnapshotProblem(file: $0.path, field: "@odata.nextLink", message: "more than one Graph page has no @odata.nextLink (also \(lastPages[0].path)): pages of several exports are mixed")
            }
        }
        return []
    }

    /// A number listed twice (two exports of the same tenant, or a page saved twice) is an error: ddi
    /// cannot tell which record is current.
    static func duplicateNumbers(_ numbers: [LiveNumber]) -> [SnapshotProblem] {
        // Integer keys for plain numbers (cheap to hash), whole numbers for the few with `;ext=`.
        var firstSeen: [UInt64: Int] = [:]
        var firstSeenExtension: [PhoneNumber: Int] = [:]
        firstSeen.reserveCapacity(numbers.count)
        var problems: [SnapshotProblem] = []
        for (index, number) in numbers.enumerated() {
            var previous: Int?
            if number.number.phoneExtension == nil {
                previous = firstSeen[number.number.key]
                if previous == nil { firstSeen[number.number.key] = index }
            } else {
                previous = firstSeenExtension[number.number]
                if previous == nil { firstSeenExtension[number.number] = index }
            }
            if let previous {
                problems.append(SnapshotProblem(file: number.origin.file, record: number.origin.record, number: number.number.description,
                                                message: "the number is listed twice (first at \(numbers[previous].origin))"))
            }
        }
        return problems
    }

    /// `Get-CsOnlineUser` lists resource accounts too; the same object id from two exports is one
    /// account, as long as they agree on its UPN.
    static func mergeAccounts(_ accounts: [DirectoryAccount]) -> (accounts: [DirectoryAccount], problems: [SnapshotProblem]) {
        // Usually every object id is listed once: then there is nothing to merge, and nothing to copy.
        var seen = Set<String>(minimumCapacity: accounts.count)
        if accounts.allSatisfy({ seen.insert($0.objectID).inserted }) { return (accounts, []) }
        var byID: [String: Int] = [:]
        var merged: [DirectoryAccount] = []
        var problems: [SnapshotProblem] = []
        for account in accounts {
            guard let index = byID[account.objectID] else {
                byID[account.objectID] = merged.count
                merged.append(account)
                continue
            }
            var existing = merged[index]
            guard Identity.normalized(existing.upn) == Identity.normalized(account.upn) else {
                problems.append(SnapshotProblem(file: account.origin.file, record: account.origin.record, number: account.upn,
                                                message: "object id \(account.objectID) is \(existing.upn) at \(existing.origin)"))
                continue
            }
            if account.kind == .resourceAccount { existing.kind = .resourceAccount }
            existing.enabled = existing.enabled ?? account.enabled
            existing.accountType = existing.accountType ?? account.accountType
            existing.applicationID = existing.applicationID ?? account.applicationID
            existing.lineURI = existing.lineURI ?? account.lineURI
            existing.usageLocation = existing.usageLocation ?? account.usageLocation
            existing.servicePlans = existing.servicePlans ?? account.servicePlans
            existing.enterpriseVoiceEnabled = existing.enterpriseVoiceEnabled ?? account.enterpriseVoiceEnabled
            existing.voiceRoutingPolicy = existing.voiceRoutingPolicy ?? account.voiceRoutingPolicy
            existing.reported.formUnion(account.reported)
            merged[index] = existing
        }
        return (merged, problems)
    }
}

/// Two lowercase hexadecimal digits, for digests.
func byteHex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}
