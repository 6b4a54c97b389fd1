import CLibGit2
import Foundation

/// Where objects lie in the repository's pack files, read from the pack indexes (`.idx` version 2),
/// so that many blobs can be read in the order their delta chains were written.
///
/// A pack stores most versions of a file as a delta against another object, in chains up to 50 deep,
/// and writes every delta base before the deltas that use it (git's `pack-objects` and `fast-import`
/// both do, as an offset delta can only point backwards). libgit2 1.5 rebuilds an object by applying
/// its chain from the nearest base in a small cache (16 MB per pack, emptied whole when full), so
/// reading blobs in any other order than pack order rebuilds most of each chain: `git gc` writes a
/// file's newest version whole and older versions as deltas against newer ones; `fast-import` deltas
/// each blob against the previous blob of the stream, often another file. Reading in pack order makes
/// every delta's base one that was rebuilt a moment ago, whatever tool wrote the pack.
///
/// Only the ordering uses this: objects are still read through libgit2, so a missing, unreadable or
/// unfamiliar index only costs time (such objects sort last, in the order they were asked for).
struct GitPackOrder {
    private var indexes: [PackIndex] = []

    init(repository: GitRepository) {
        guard let common = git_repository_commondir(repository.pointer).map({ String(cString: $0) }) else { return }
        indexes = PackIndex.all(objectDirectory: (common.hasSuffix("/") ? common : common + "/") + "objects")
    }

    var isEmpty: Bool { indexes.isEmpty }

    /// A sort key for an object: (pack, offset in the pack), or nil when no index lists it.
    func position(of oid: GitOID) -> (pack: Int, offset: UInt64)? {
        let key = oid.rawBytes
        for (packIndex, index) in indexes.enumerated() {
            if let offset = index.offset(of: key) { return (packIndex, offset) }
        }
        return nil
    }

    /// The offset of the base of an offset delta at `offset` of an open pack file, nil for anything else.
    private static func deltaBase(_ file: FileHandle, offset: UInt64) -> UInt64? {
        guard (try? file.seek(toOffset: offset)) != nil, let header = try? file.read(upToCount: 32),
              case .offsetDelta(let base)? = PackFile.header([UInt8](header), at: offset)?.kind else { return nil }
        return base
    }

    /// True when most of `oids`, taken in pack order, are deltas against the one before them: the shape
    /// `git fast-import` writes (each blob a delta against the previous blob of the stream, often another
    /// file). Then pack order is the order to read them in; in packs written by `git gc` a file's
    /// versions form delta trees across the pack, and reading each file's versions together is faster.
    func isStreamOrdered(_ oids: [GitOID]) -> Bool {
        let positions = oids.compactMap { position(of: $0) }.sorted { ($0.pack, $0.offset) < ($1.pack, $1.offset) }
        guard positions.count > 1 else { return false }
        var files: [Int: FileHandle] = [:]
        defer { for file in files.values { try? file.close() } }
        var chained = 0
        for (previous, current) in zip(positions, positions.dropFirst()) where previous.pack == current.pack {
            if files[current.pack] == nil { files[current.pack] = FileHandle(forReadingAtPath: indexes[current.pack].packPath) }
            guard let file = files[current.pack] else { continue }
            if Self.deltaBase(file, offset: current.offset) == previous.offset { chained += 1 }
        }
        return chained * 2 > positions.count
    }

    /// `oids` (distinct) in the order to read them: by pack and offset, unlisted ones last in their
    /// given order.
    func readingOrder(_ oids: [GitOID]) -> [GitOID] {
        if indexes.isEmpty { return oids }
        let keyed = oids.enumerated().map { item -> (pack: Int, offset: UInt64, seen: Int, oid: GitOID) in
            let found = position(of: item.element)
            return (found?.pack ?? Int.max, found?.offset ?? 0, item.offset, item.element)
        }
        return keyed.sorted { ($0.pack, $0.offset, $0.seen) < ($1.pack, $1.offset, $1.seen) }.map(\.oid)
    }
}
