import DDIKit

/// One line of `ddi blame`: who last changed it, and which entry it belongs to.
public struct BlameLine: Sendable {
    public var number: Int
    public var text: String
    public var commit: GitOID
    public var author: GitSignature
    public var summary: String
    /// `+4533121042`, `+4533121100..+4533121149`, `range cph-hq`, `routing aa-main`; nil for lines
    /// outside every entry (section keys, comments between entries).
    public var entry: String?
}

public enum InventoryBlameError: Error, CustomStringConvertible, Equatable {
    case notInRevision(path: String, revision: String)

    public var description: String {
        switch self {
        case .notInRevision(let path, let revision): "\(path) does not exist in \(revision)"
        }
    }
}

/// Line blame of an inventory file through libgit2, with each line mapped to the entry it belongs to.
public enum InventoryBlame {
    /// `repositoryPath` is relative to the repository root, `inventoryPath` to the inventory root.
    public static func blame(_ history: GitHistory, repositoryPath: String, inventoryPath: String, at oid: GitOID, label: String) throws -> [BlameLine] {
        let repository = history.repository
        let commit = try repository.commit(oid)
        let tree = try repository.tree(commit.treeOID)
        guard let entry = try tree.entry(atPath: repositoryPath), entry.kind == .blob else {
            throw InventoryBlameError.notInRevision(path: repositoryPath, revision: label)
        }
        let bytes = try repository.blobBytes(entry.oid)
        let lines = splitLines(bytes)
        let owners = entryOwners(bytes, lineCount: lines.count, path: inventoryPath)
        let blame = try GitBlame(repository, path: repositoryPath, newest: oid)
        var summaries: [GitOID: String] = [:]
        var result: [BlameLine] = []
        result.reserveCapacity(lines.count)
        for hunk in blame.hunks {
            let summary: String
            if let known = summaries[hunk.commit] {
                summary = known
            } else {
                summary = (try? repository.commit(hunk.commit).summary) ?? ""
                summaries[hunk.commit] = summary
            }
            for line in hunk.startLine..<(hunk.startLine + hunk.lineCount) where line >= 1 && line <= lines.count {
                result.append(BlameLine(number: line, text: lines[line - 1], commit: hunk.commit, author: hunk.signature, summary: summary, entry: owners[line - 1]))
            }
        }
        return result.sorted { $0.number < $1.number }
    }

    static func splitLines(_ bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: ByteScan.newline, omittingEmptySubsequences: false).map { slice -> String in
            var text = String(decoding: slice, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        if bytes.last == ByteScan.newline { lines.removeLast() }
        return lines
    }

    /// For each line (0-based), the entry it belongs to. An entry runs from its `-` line to the last
    /// content line before the next entry or top-level key; blank and comment lines in between belong to
    /// no entry.
    static func entryOwners(_ bytes: [UInt8], lineCount: Int, path: String) -> [String?] {
        let loaded = InventoryLoader.load(config: nil, files: [InventorySourceFile(path: path, bytes: bytes)])
        var starts: [(line: Int, label: String?)] = []
        for file in loaded.inventory.files {
            starts += file.ranges.map { ($0.location.line, "range \($0.id.value)") }
            starts += file.numbers.map { ($0.location.line, DeclaredEntry($0).key) }
            starts += file.routing.map { ($0.location.line, "routing \($0.id.value)") }
        }
        // Line starts, and which lines are top-level keys or blank/comment lines.
        var isTopLevel = [Bool](repeating: false, count: lineCount)
        var isBlank = [Bool](repeating: false, count: lineCount)
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            var line = 0
            while line < lineCount && position <= buffer.count {
                isTopLevel[line] = ByteScan.isTopLevel(buffer, at: position)
                isBlank[line] = ByteScan.shape(buffer, at: position) == .blank
                guard let next = ByteScan.nextLineStart(buffer, after: position) else { break }
                position = next
                line += 1
            }
        }
        for (index, top) in isTopLevel.enumerated() where top { starts.append((index + 1, nil)) }
        starts.sort { $0.line < $1.line }
        var owners = [String?](repeating: nil, count: lineCount)
        for (index, start) in starts.enumerated() {
            guard let label = start.label, start.line >= 1 else { continue }
            let next = index + 1 < starts.count ? starts[index + 1].line : lineCount + 1
            var last = min(next - 1, lineCount)
            while last > start.line && isBlank[last - 1] { last -= 1 }
            guard start.line <= last else { continue }
            for line in start.line...last { owners[line - 1] = label }
        }
        return owners
    }
}
