import DDITestSupport
import XCTest
@testable import DDIGit

/// The block-wise prefix and suffix scans give the lengths a byte-by-byte comparison gives.
final class ByteScanTests: XCTestCase {
    private func naivePrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var index = 0
        while index < min(a.count, b.count) && a[index] == b[index] { index += 1 }
        return index
    }

    private func naiveSuffix(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        var length = 0
        while length < limit && a[a.count - 1 - length] == b[b.count - 1 - length] { length += 1 }
        return length
    }

    func testBlockScansMatchByteByByteScans() {
        var generator = SeededGenerator(defaultSeed: 4096)
        let block = ByteScan.scanBlock
        let sizes = [0, 1, 7, 8, 9, block - 1, block, block + 1, 3 * block + 5, 20_000]
        var cases = 0
        for size in sizes {
            let a = (0..<size).map { _ in UInt8.random(in: 0...3, using: &generator) }
            // Edits at the block and word boundaries and at random places, insertions and deletions.
            var positions = [0, 1, 7, 8, block - 1, block, block + 1, size / 2, max(0, size - 1)].filter { $0 < max(size, 1) }
            positions += (0..<6).map { _ in Int.random(in: 0..<max(size, 1), using: &generator) }
            for position in positions {
                var variants: [[UInt8]] = [a, a + [9], Array(a.dropLast())]
                if position < size {
                    var changed = a
                    changed[position] ^= 0x40
                    variants.append(changed)
                    var inserted = a
                    inserted.insert(7, at: position)
                    variants.append(inserted)
                    var removed = a
                    removed.remove(at: position)
                    variants.append(removed)
                }
                for b in variants {
                    let prefix = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in ByteScan.commonPrefix(x, y) } }
                    XCTAssertEqual(prefix, naivePrefix(a, b), "size \(size), position \(position)")
                    let limit = min(a.count, b.count) - prefix
                    let suffix = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in ByteScan.commonSuffix(x, y, limit: limit) } }
                    XCTAssertEqual(suffix, naiveSuffix(a, b, limit: limit), "size \(size), position \(position)")
                    cases += 1
                }
            }
        }
        XCTAssertGreaterThan(cases, 300)
    }
}
