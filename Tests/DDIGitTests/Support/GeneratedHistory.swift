import DDITestSupport
import Foundation

/// A random history over a few inventory files, from a seed: entries edited, moved between files,
/// blocks split, files renamed, added and deleted, and branches merged back.
final class GeneratedHistory {
    let fixture: GitFixture
    private var generator: SeededGenerator
    /// Each file's entries, as YAML items.
    private var files: [String: [String]] = [:]
    private var nextNumber = 4_533_121_000
    private var nextFile = 0

    init(seed: UInt64, commits: Int) throws {
        fixture = try GitFixture()
        generator = SeededGenerator(defaultSeed: seed)
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        for _ in 0..<3 { files[newFileName()] = (0..<8).map { _ in newEntry() } }
        try writeAll()
        try fixture.commit("import")
        var made = 1
        while made < commits {
            if random(12) == 0 && made + 3 < commits {
                try branchAndMerge(number: made)
                made += 3
                continue
            }
            try change()
            try writeAll()
            try fixture.commit("change \(made)")
            made += 1
        }
    }

    private func random(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }

    private func newFileName() -> String {
        nextFile += 1
        return "numbers/file-\(nextFile).yaml"
    }

    private func newNumber() -> String {
        nextNumber += 1
        return "+\(nextNumber)"
    }

    private func newEntry() -> String {
        if random(5) == 0 {
            let first = nextNumber + 1
            nextNumber += 20
            return Sample.reservedBlock("+\(first)..+\(first + 19)")
        }
        return Sample.assigned(newNumber(), to: "user\(random(50))@contoso.com", reviewed: "2026-0\(1 + random(9))-1\(random(9))")
    }

    private func writeAll() throws {
        for (name, entries) in files { try fixture.write(name, "# \(name)\n" + (entries.isEmpty ? "numbers: []\n" : "numbers:\n" + entries.joined())) }
    }

    /// A file other than those in `excluded`, when there is one.
    private func someFile(excluding excluded: Set<String> = []) -> String? {
        let names = files.keys.filter { !excluded.contains($0) }.sorted()
        return names.isEmpty ? nil : names[random(names.count)]
    }

    private func change(excluding excluded: Set<String> = []) throws {
        guard let name = someFile(excluding: excluded), var entries = files[name], !entries.isEmpty else {
            files[newFileName()] = [newEntry()]
            return
        }
        switch random(8) {
        case 0, 1:
            // A field edited.
            let index = random(entries.count)
            entries[index] = entries[index].replacingOccurrences(of: "reviewed: 2026-0", with: "reviewed: 2025-0")
                .replacingOccurrences(of: "@contoso.com", with: "@fabrikam.com")
            files[name] = entries
        case 2:
            // An entry moved to another file.
            let moved = entries.remove(at: random(entries.count))
            files[name] = entries
            let target = someFile(excluding: excluded.union([name])) ?? newFileName()
            files[target, default: []].insert(moved, at: random((files[target]?.count ?? 0) + 1))
        case 3:
            // A block split in two, or an entry added.
            if let index = entries.firstIndex(where: { $0.contains("..") }), let range = entries[index].range(of: #"\+\d+\.\.\+\d+"#, options: .regularExpression) {
                let parts = entries[index][range].split(separator: ".").filter { !$0.isEmpty }.compactMap { Int($0.dropFirst()) }
                if parts.count == 2, parts[1] > parts[0] {
                    let middle = (parts[0] + parts[1]) / 2
                    entries[index] = Sample.reservedBlock("+\(parts[0])..+\(middle)")
                    entries.insert(Sample.reservedBlock("+\(middle + 1)..+\(parts[1])"), at: index + 1)
                }
            } else {
                entries.append(newEntry())
            }
            files[name] = entries
        case 4:
            // A file renamed.
            let renamed = newFileName()
            try fixture.git("mv", name, renamed)
            files[name] = nil
            files[renamed] = entries
        case 5:
            // A file deleted, or a new one added.
            if files.count > 2 && random(2) == 0 {
                try fixture.remove(name)
                files[name] = nil
            } else {
                files[newFileName()] = (0..<(1 + random(4))).map { _ in newEntry() }
            }
        default:
            entries.insert(newEntry(), at: random(entries.count + 1))
            files[name] = entries
        }
    }

    /// Two commits on a branch (in a file of its own) and one on main, merged with `--no-ff`.
    private func branchAndMerge(number: Int) throws {
        try fixture.git("checkout", "-q", "-b", "side-\(number)")
        let side = newFileName()
        files[side] = [newEntry(), newEntry()]
        try writeAll()
        try fixture.commit("side \(number)")
        files[side]?.append(newEntry())
        try writeAll()
        try fixture.commit("side \(number) again")
        let sideEntries = files[side]
        files[side] = nil
        try fixture.git("checkout", "-q", "main")
        try change(excluding: [side])
        try writeAll()
        try fixture.commit("main \(number)")
        try fixture.merge("side-\(number)", message: "Merge side \(number)")
        files[side] = sideEntries
    }
}
