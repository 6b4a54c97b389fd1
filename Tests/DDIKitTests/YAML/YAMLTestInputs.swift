import DDITestSupport

/// The shared SplitMix64 generator, so that a failing damaged copy can be made again.
typealias TestRandom = SeededGenerator

extension SeededGenerator {
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[below(items.count)] }
}

/// Damaged copies of an inventory file: the damage of ddiTests/MutationTests (truncation, a bad byte,
/// an open quote, a misspelt or repeated key, noise, a deleted line), and damage aimed at YAML's
/// structure (indentation, joined, repeated and swapped lines, inserted indicators).
struct YAMLMutator {
    var random: TestRandom

    init(seed: UInt64) { random = TestRandom(seed: seed) }

    static let fragments = ["# ", ": ", "- ", "'", "\"", "''", "[", "]", "{", "}", ", ", "\\", "é", "\n", "  ", "&a ", "*a", "!",
                            "|", ">", "---\n", "...\n", "? ", "\t", "\r", "\"\\u00e9\"", ":x", "%", "@", "`"]

    mutating func mutate(_ bytes: [UInt8], kind: Int) -> (name: String, bytes: [UInt8]) {
        let position = random.below(bytes.count)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let line = random.below(lines.count)
        func joined() -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
        switch kind % 12 {
        case 0:
            return ("truncated at byte \(position)", Array(bytes[..<position]))
        case 1:
            var damaged = bytes
            damaged.insert(0xFF, at: position)
            return ("0xFF inserted at byte \(position)", damaged)
        case 2:
            let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
            guard quotes.count >= 2 else { return ("unchanged", bytes) }
            let opening = quotes[random.below(quotes.count / 2) * 2]
            return ("truncated inside a quoted scalar at byte \(opening)", Array(bytes[...opening]) + Array("+45".utf8))
        case 3:
            guard let colon = lines[line].firstIndex(of: UInt8(ascii: ":")) else { return ("unchanged", bytes) }
            lines[line].insert(contentsOf: Array("x_".utf8), at: colon)
            return ("misspelt key on line \(line + 1)", joined())
        case 4:
            let candidates = lines.indices.filter { String(decoding: lines[$0], as: UTF8.self).contains("- number:") }
            guard !candidates.isEmpty else { return ("unchanged", bytes) }
            let index = random.pick(candidates)
            let indentation = lines[index].prefix { $0 == UInt8(ascii: " ") }.count + 2
            let key = lines[index].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }
            lines.insert(Array(repeating: UInt8(ascii: " "), count: indentation) + key, at: index + 1)
            return ("repeated number key after line \(index + 1)", joined())
        case 5:
            let noise: [UInt8] = [0x00, 0x09, 0x22, 0x27, 0x3A, 0x5B, 0x7B, 0x26, 0x2A, 0x2D, 0x0A, 0x7C, 0x3E, 0x25, 0x40, 0x21, 0x23, 0x20, 0x0D]
            var damaged = bytes
            if !damaged.isEmpty { damaged[min(position, damaged.count - 1)] = random.pick(noise) }
            return ("byte \(position) replaced", damaged)
        case 6:
            lines.remove(at: line)
            return ("line \(line + 1) deleted", joined())
        case 7:
            if random.below(2) == 0, lines[line].first == UInt8(ascii: " ") {
                lines[line].removeFirst()
                return ("line \(line + 1) one space shallower", joined())
            }
            lines[line].insert(UInt8(ascii: " "), at: 0)
            return ("line \(line + 1) one space deeper", joined())
        case 8:
            let fragment = random.pick(Self.fragments)
            var damaged = bytes
            damaged.insert(contentsOf: Array(fragment.utf8), at: position)
            return ("\(fragment.debugDescription) inserted at byte \(position)", damaged)
        case 9:
            guard line + 1 < lines.count else { return ("unchanged", bytes) }
            lines[line] += lines.remove(at: line + 1)
            return ("lines \(line + 1) and \(line + 2) joined", joined())
        case 10:
            lines.insert(lines[line], at: line)
            return ("line \(line + 1) repeated", joined())
        default:
            guard line + 1 < lines.count else { return ("unchanged", bytes) }
            lines.swapAt(line, line + 1)
            return ("lines \(line + 1) and \(line + 2) swapped", joined())
        }
    }
}

/// Inventory files in the style of Benchmarks/generate_reference.py (ranges with flow `cost`,
/// quoted numbers and plain blocks, tags as flow and block lists, routing with agents), with the
/// quoting, non-ASCII names and empty values real files have.
struct InventoryTextGenerator {
    var random: TestRandom

    init(seed: UInt64) { random = TestRandom(seed: seed) }

    static let sites = ["Wrocław", "Köln", "Düsseldorf", "Malmö", "Århus", "Oslo", "東京", "Zürich"]
    static let people = ["anna.kowalska", "jörg.müller", "harry.obrien", "łukasz.nowak", "eve", "o.sullivan"]
    static let owners = ["Front Office", "R&D", "Sales, Nordics", "IT Service Desk", "Facilities - East (2:nd)", "Ops #2"]
    static let notes = ["released when Harry O'Brien left", "'quoted note'", "\"double \\\"quoted\\\" note\"", "fax, analogue ATA",
                        "see ticket:42", "a # not a comment", "'it''s here'", "\"caf\\u00e9\"", "Main switchboard  "]

    mutating func file(entries: Int, fileIndex: Int) -> String {
        let site = random.pick(Self.sites)
        let base = 4_533_120_000 + fileIndex * 100_000
        var out = "# \(site): ranges, numbers and call routing.\n# Generated by a test (seeded); do not edit.\n\n"
        if random.below(3) == 0 { out += "---\n" }
        out += "ranges:\n"
        for range in 0..<3 {
            out += "  - id: r-\(fileIndex)-\(range)\n    block: +\(base + range * 1000)..+\(base + range * 1000 + 999)\n"
            out += "    source: \(random.pick(["operator-connect", "direct-routing", "calling-plan"]))\n    country: DK\n    site: \(site)\n"
            out += "    cost: { per_number_month: \(random.below(300)).\(random.below(90) + 10), currency: \(random.pick(["DKK", "EUR", "'SEK'"])) }\n"
        }
        out += "\nnumbers:\n"
        for entry in 0..<entries {
            let number = base + entry * 7
            if random.below(10) == 0 {
                out += "  - block: +\(number)..+\(number + 5)\n    status: \(random.pick(["retired", "reserved", "quarantine"]))\n"
                continue
            }
            out += "  - number: \(random.below(4) == 0 ? "+\(number)" : "\"+\(number)\"")\n    status: \(random.pick(["assigned", "free", "reserved"]))\n"
            let person = random.pick(Self.people)
            out += "    kind: \(random.pick(["user", "call-queue", "auto-attendant", "shared-calling"]))\n"
            out += "    assigned_to: \(random.below(5) == 0 ? "'\(person)@contoso.com'" : "\(person)@contoso.com")\n"
            out += "    owner: \(random.pick(Self.owners))\n"
            switch random.below(5) {
            case 0: out += "    tags: [\(random.pick(["finance", "support", "vip, finance", "'quoted', \"double\""]))]\n"
            case 1: out += "    tags:\n      - support\n      - \(random.pick(["vip", "'x y'", "é"]))\n"
            case 2: out += "    tags:\n    - indentless\n"
            case 3: out += "    department:\n"
            default: break
            }
            out += "    reviewed: 2026-\(String(format2: random.below(12) + 1))-\(String(format2: random.below(28) + 1))   # checked\n"
            if random.below(4) == 0 { out += "    note: \(random.pick(Self.notes))\n" }
        }
        out += "\nrouting:\n  - id: cq-\(fileIndex)\n    type: call-queue\n    resource_account: cq-\(fileIndex)@contoso.com\n    agents:\n"
        for agent in Self.people.prefix(3) { out += "      - \(agent)@contoso.com\n" }
        out += "    overflow: voicemail:eve@contoso.com\n    timeout: external:+4570102030\n"
        if random.below(2) == 0 { out += "...\n# end\n" }
        return out
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
