import Foundation

/// One pack's index (`.idx` version 2): where each object lies in the pack file.
///
/// Every read is bounds-checked: a truncated or damaged index finds fewer objects (or none), which
/// only sends those objects to libgit2.
struct PackIndex {
    let data: Data
    let count: Int
    let packPath: String

    /// Opens the index at `indexPath` (its pack is the same name with `.pack`); nil when it is not a
    /// readable version 2 index.
    init?(indexPath: String) {
        guard indexPath.hasSuffix(".idx"),
              let data = try? Data(contentsOf: URL(fileURLWithPath: indexPath), options: .alwaysMapped),
              let count = Self.objectCount(data) else { return nil }
        self.data = data
        self.count = count
        self.packPath = String(indexPath.dropLast(4)) + ".pack"
    }

    /// The indexes of every pack of a repository's object directory, by file name.
    static func all(objectDirectory: String) -> [PackIndex] {
        let directory = (objectDirectory.hasSuffix("/") ? objectDirectory : objectDirectory + "/") + "pack"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.sorted().filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") }.compactMap { PackIndex(indexPath: directory + "/" + $0) }
    }

    private static let fanout = 8
    private static let ids = 8 + 1024

    /// Number of objects of a version 2 index, nil when `data` is not one or is truncated.
    private static func objectCount(_ data: Data) -> Int? {
        guard data.count >= 8 + 1024 + 40 else { return nil }
        return data.withUnsafeBytes { raw -> Int? in
            guard raw.load(fromByteOffset: 0, as: UInt32.self).bigEndian == 0xff74_4f63,
                  raw.load(fromByteOffset: 4, as: UInt32.self).bigEndian == 2 else { return nil }
            let count = Int(raw.loadUnaligned(fromByteOffset: 8 + 255 * 4, as: UInt32.self).bigEndian)
            // ids, CRCs and 32-bit offsets, then the two trailing checksums
            guard data.count >= 8 + 1024 + count * 28 + 40 else { return nil }
            return count
        }
    }

    /// The offset in the pack of the object with these 20 id bytes, nil when the index does not list it.
    func offset(of key: [UInt8]) -> UInt64? {
        guard key.count == 20 else { return nil }
        return data.withUnsafeBytes { raw -> UInt64? in
            let first = Int(key[0])
            var low = first == 0 ? 0 : Int(raw.loadUnaligned(fromByteOffset: Self.fanout + (first - 1) * 4, as: UInt32.self).bigEndian)
            var high = Int(raw.loadUnaligned(fromByteOffset: Self.fanout + first * 4, as: UInt32.self).bigEndian)
            guard low <= high, high <= count else { return nil }
            while low < high {
                let middle = (low + high) / 2
                let entry = Self.ids + middle * 20
                var order = 0
                for byte in 0..<20 {
                    let a = raw[entry + byte], b = key[byte]
                    if a != b {
                        order = a < b ? -1 : 1
                        break
                    }
                }
                if order == 0 { return offset(at: middle, raw) }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    private func offset(at position: Int, _ raw: UnsafeRawBufferPointer) -> UInt64? {
        let offsets = Self.ids + count * 24
        let small = raw.loadUnaligned(fromByteOffset: offsets + position * 4, as: UInt32.self).bigEndian
        if small & 0x8000_0000 == 0 { return UInt64(small) }
        let large = offsets + count * 4 + Int(small & 0x7fff_ffff) * 8
        guard large + 8 <= raw.count else { return nil }
        return raw.loadUnaligned(fromByteOffset: large, as: UInt64.self).bigEndian
    }

    /// Every object's offset, ascending: an object's data ends where the next object starts.
    func sortedOffsets() -> [UInt64] {
        data.withUnsafeBytes { raw in
            var result: [UInt64] = []
            result.reserveCapacity(count)
            for position in 0..<count {
                if let offset = offset(at: position, raw) { result.append(offset) }
            }
            return result.sorted()
        }
    }
}
