/// A regular expression over decimal digits, for libphonenumber's national-number and
/// leading-digits patterns, compiled once and matched without Foundation or Swift Regex.
///
/// Supported syntax (everything those patterns use, and a little more): digits, `\d`, `.`,
/// character classes with ranges and negation (`[2-9]`, `[02-46-9]`, `[^0]`), groups `(?:...)` and
/// `(...)` (nothing is captured), alternation `|`, and the quantifiers `?`, `*`, `+`, `{n}`, `{n,}`,
/// `{n,m}` (counts up to 64). Any other character is a literal that never matches a digit; other
/// escapes, anchors and unbalanced brackets make compilation fail.
///
/// A pattern becomes a small program for a backtracking machine (as in Thompson/Pike VMs:
/// `digit-class`, `split`, `jump`, `match`). Backtracking is memoised per (split, position), so a
/// match costs at most O(program size x input length) even for pathological patterns; in practice
/// a failing alternative is rejected on its first digit. Input is at most `maximumInputLength`
/// digit values (0-9), matched as a whole (`matches`) or as a prefix (`matchesPrefix`).
///
/// Many patterns can share one instruction array (`DigitPattern.compile(_:into:)`), so that the
/// metadata holds no per-pattern references and matching does no reference counting; a pattern is
/// then a few integers (`DigitProgram`) matched against that array.
struct DigitPattern: Sendable {
    static let maximumInputLength = 20
    fileprivate static let maximumRepeat = 64
    fileprivate static let maximumProgramSize = 1_000_000

    private let code: [DigitInstruction]
    private let program: DigitProgram

    /// A pattern with instructions of its own; nil when `pattern` uses unsupported syntax.
    init?(_ pattern: String) {
        var code: [DigitInstruction] = []
        guard let program = Self.compile(pattern, into: &code) else { return nil }
        self.code = code
        self.program = program
    }

    /// Appends the program of `pattern` to `code`; nil (and `code` unchanged) when `pattern` uses
    /// unsupported syntax.
    static func compile(_ pattern: String, into code: inout [DigitInstruction]) -> DigitProgram? {
        var parser = Parser(bytes: Array(pattern.utf8))
        guard let node = parser.parseAll() else { return nil }
        let start = code.count
        var emitter = Emitter(program: code)
        code = []  // hand the storage over without copying
        let ok = emitter.emit(node)
        swap(&code, &emitter.program)  // unique again: appending below must not copy
        guard ok, code.count + 1 < maximumProgramSize, emitter.splitCount < Int(Int32.max) else {
            code.removeSubrange(start...)
            return nil
        }
        code.append(DigitInstruction(op: .match))
        let (first, empty) = firstSet(of: code, from: start)
        return DigitProgram(start: Int32(start), splitCount: Int32(emitter.splitCount), firstDigits: first,
                            matchesEmpty: empty)
    }

    /// Whether the whole of `digits` (values 0-9) matches.
    func matches(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        code.withUnsafeBufferPointer { program.matches(digits, code: $0) }
    }

    /// Whether some prefix of `digits` matches (Python's `re.match`).
    func matchesPrefix(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        code.withUnsafeBufferPointer { program.matchesPrefix(digits, code: $0) }
    }

    /// The digits a non-empty match can start with, and whether the empty string matches.
    private static func firstSet(of code: [DigitInstruction], from start: Int) -> (UInt16, Bool) {
        var seen = Set<Int>()
        var stack = [start]
        var mask: UInt16 = 0
        var empty = false
        while let pc = stack.popLast() {
            guard pc >= start, pc < code.count, seen.insert(pc).inserted else { continue }
            let instruction = code[pc]
            switch instruction.op {
            case .digitClass: mask |= instruction.mask
            case .match: empty = true
            case .jump: stack.append(Int(instruction.a))
            case .split:
                stack.append(Int(instruction.a))
                stack.append(Int(instruction.b))
            }
        }
        return (mask, empty)
    }

    // MARK: - Parsing

    fileprivate indirect enum Node {
        case digitClass(UInt16)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func parseAll() -> Node? {
            guard let node = parseAlternation(), index == bytes.count else { return nil }
            return node
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                if current == UInt8(ascii: "|") { index += 1 } else { break }
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func parseSequence() -> Node? {
            var items: [Node] = []
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard var atom = parseAtom() else { return nil }
                // Stacked quantifiers nest: `a?{2}` is `(?:a?){2}`.
                quantifiers: while let quantifier = current {
                    switch quantifier {
                    case UInt8(ascii: "?"):
                        index += 1
                        atom = .repetition(atom, min: 0, max: 1)
                    case UInt8(ascii: "*"):
                        index += 1
                        atom = .repetition(atom, min: 0, max: nil)
                    case UInt8(ascii: "+"):
                        index += 1
                        atom = .repetition(atom, min: 1, max: nil)
                    case UInt8(ascii: "{"):
                        guard let (low, high) = parseCount() else { return nil }
                        atom = .repetition(atom, min: low, max: high)
                    default:
                        break quantifiers
                    }
                }
                items.append(atom)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        /// `{n}`, `{n,}` or `{n,m}`, with `index` at `{`.
        private mutating func parseCount() -> (Int, Int?)? {
            index += 1
            guard let low = parseInteger() else { return nil }
            var high: Int? = low
            if current == UInt8(ascii: ",") {
                index += 1
                high = current == UInt8(ascii: "}") ? nil : parseInteger()
                if high == nil, current != UInt8(ascii: "}") { return nil }
            }
            guard current == UInt8(ascii: "}") else { return nil }
            index += 1
            if let high, high < low { return nil }
            guard low <= DigitPattern.maximumRepeat, (high ?? 0) <= DigitPattern.maximumRepeat else { return nil }
            return (low, high)
        }

        private mutating func parseInteger() -> Int? {
            var value = 0
            var digits = 0
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 6 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }

        private mutating func parseAtom() -> Node? {
            guard let byte = current else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "("):
                if current == UInt8(ascii: "?") {
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else { return nil }
                    index += 2
                }
                guard let inner = parseAlternation(), current == UInt8(ascii: ")") else { return nil }
                index += 1
                return inner
            case UInt8(ascii: "["):
                return parseClass()
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "d"): return .digitClass(0x3FF)
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return nil  // back-reference
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return nil
                default: return Self.literal(escaped)
                }
            case UInt8(ascii: "."):
                return .digitClass(0x3FF)
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{"),
                 UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return nil
            default:
                return Self.literal(byte)
            }
        }

        private static func literal(_ byte: UInt8) -> Node {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                return .digitClass(1 << UInt16(byte - UInt8(ascii: "0")))
            }
            return .digitClass(0)  // a non-digit never matches digit input
        }

        /// A class body after `[`, through `]`.
        private mutating func parseClass() -> Node? {
            var negated = false
            if current == UInt8(ascii: "^") {
                negated = true
                index += 1
            }
            var mask: UInt16 = 0
            var first = true
            while true {
                guard let byte = current else { return nil }
                if byte == UInt8(ascii: "]"), !first { index += 1; break }
                first = false
                index += 1
                var low: Int  // -1: a non-digit character
                if byte == UInt8(ascii: "\\") {
                    guard let escaped = current else { return nil }
                    index += 1
                    if escaped == UInt8(ascii: "d") {
                        mask |= 0x3FF
                        continue
                    }
                    if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(escaped)
                        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(escaped) {
                        return nil
                    }
                    low = Self.digitValue(escaped)
                } else {
                    low = Self.digitValue(byte)
                }
                if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                    index += 1
                    guard let end = current, end != UInt8(ascii: "\\") else { return nil }
                    index += 1
                    let high = Self.digitValue(end)
                    guard low >= 0, high >= 0 else {
                        // A range involving non-digits: only the digits inside it matter.
                        let lowByte = Int(byte), highByte = Int(end)
                        guard lowByte <= highByte else { return nil }
                        for digit in 0..<10 where (lowByte...highByte).contains(digit + 48) {
                            mask |= 1 << UInt16(digit)
                        }
                        continue
                    }
                    guard low <= high else { return nil }
                    for digit in low...high { mask |= 1 << UInt16(digit) }
                } else if low >= 0 {
                    mask |= 1 << UInt16(low)
                }
            }
            return .digitClass(negated ? ~mask & 0x3FF : mask)
        }

        private static func digitValue(_ byte: UInt8) -> Int {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : -1
        }
    }

    // MARK: - Code generation

    private struct Emitter {
        /// Shared instructions; this pattern's are appended, with absolute jump targets.
        var program: [DigitInstruction]
        var splitCount = 0

        /// A split whose second choice is patched later.
        private mutating func split() -> Int {
            program.append(DigitInstruction(op: .split, a: Int32(program.count + 1), slot: Int32(splitCount)))
            splitCount += 1
            return program.count - 1
        }

        private mutating func patch(_ pc: Int, b: Int) { program[pc].b = Int32(b) }

        /// Appends code for `node`; false when the program grows too large.
        mutating func emit(_ node: Node) -> Bool {
            guard program.count < DigitPattern.maximumProgramSize else { return false }
            switch node {
            case .digitClass(let mask):
                program.append(DigitInstruction(op: .digitClass, mask: mask))
            case .sequence(let items):
                for item in items {
                    guard emit(item) else { return false }
                }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (offset, branch) in branches.enumerated() {
                    if offset == branches.count - 1 {
                        if !emit(branch) { return false }
                    } else {
                        let pc = split()
                        if !emit(branch) { return false }
                        jumps.append(program.count)
                        program.append(DigitInstruction(op: .jump))
                        patch(pc, b: program.count)
                    }
                }
                for pc in jumps { program[pc].a = Int32(program.count) }
            case .repetition(let inner, let low, let high):
                for _ in 0..<low {
                    guard emit(inner) else { return false }
                }
                if let high {
                    // e{0,k} as (?:e(?:e...)?)?: every skipped copy jumps to the end.
                    var splits: [Int] = []
                    for _ in low..<high {
                        splits.append(split())
                        if !emit(inner) { return false }
                    }
                    for pc in splits { patch(pc, b: program.count) }
                } else {
                    // e*: loop: split(body, end); body; jump loop.
                    let loop = split()
                    if !emit(inner) { return false }
                    program.append(DigitInstruction(op: .jump, a: Int32(loop)))
                    patch(loop, b: program.count)
                }
            }
            return program.count < DigitPattern.maximumProgramSize
        }
    }
}

/// One instruction of a compiled `DigitPattern`.
struct DigitInstruction: Sendable {
    enum Op: UInt8, Sendable { case digitClass, split, jump, match }

    var op: Op
    /// `digitClass`: bit d set when digit d matches.
    var mask: UInt16 = 0
    /// `split`: first choice (continuing at `b` when it fails); `jump`: target.
    var a: Int32 = 0
    /// `split`: second choice.
    var b: Int32 = 0
    /// `split`: memo slot, 0..<splitCount of its pattern.
    var slot: Int32 = 0
}

/// A compiled pattern inside a shared instruction array: plain integers, no references.
struct DigitProgram: Sendable {
    let start: Int32
    let splitCount: Int32
    /// Digits a non-empty match can start with.
    let firstDigits: UInt16
    /// Whether the empty input matches.
    let matchesEmpty: Bool

    /// Whether the whole of `digits` (values 0-9) matches; `code` is the array the program was
    /// compiled into.
    func matches(_ digits: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<DigitInstruction>) -> Bool {
        run(digits, code: code, anchoredAtEnd: true)
    }

    /// Whether some prefix of `digits` matches (Python's `re.match`).
    func matchesPrefix(_ digits: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<DigitInstruction>) -> Bool {
        run(digits, code: code, anchoredAtEnd: false)
    }

    private func run(_ digits: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<DigitInstruction>,
                     anchoredAtEnd: Bool) -> Bool {
        let count = digits.count
        guard count <= DigitPattern.maximumInputLength, start >= 0, Int(start) < code.count else { return false }
        if count == 0 || !anchoredAtEnd, matchesEmpty { return true }
        guard count > 0, let first = digits.first, first < 10, firstDigits & (1 << UInt16(first)) != 0 else {
            return false
        }
        let words = (Int(splitCount) * (count + 1) + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(words, 1)) { memo in
            memo.initialize(repeating: 0)
            let machine = Machine(code: code, input: digits, memo: memo, anchoredAtEnd: anchoredAtEnd)
            return machine.run(pc: Int(start), position: 0)
        }
    }

    private struct Machine {
        let code: UnsafeBufferPointer<DigitInstruction>
        let input: UnsafeBufferPointer<UInt8>
        let memo: UnsafeMutableBufferPointer<UInt64>
        let anchoredAtEnd: Bool

        func run(pc start: Int, position startPosition: Int) -> Bool {
            var pc = start
            var position = startPosition
            let count = input.count
            while true {
                let instruction = code[pc]
                switch instruction.op {
                case .digitClass:
                    guard position < count, instruction.mask & (1 << UInt16(input[position] & 15)) != 0 else {
                        return false
                    }
                    pc += 1
                    position += 1
                case .jump:
                    pc = Int(instruction.a)
                case .match:
                    return !anchoredAtEnd || position == count
                case .split:
                    let bit = Int(instruction.slot) * (count + 1) + position
                    let word = bit >> 6
                    let flag: UInt64 = 1 << UInt64(bit & 63)
                    if memo[word] & flag != 0 { return false }
                    memo[word] |= flag
                    let first = code[Int(instruction.a)]
                    // Skip a first choice that fails on its first digit without a call.
                    if first.op != .digitClass
                        || (position < count && first.mask & (1 << UInt16(input[position] & 15)) != 0) {
                        if run(pc: Int(instruction.a), position: position) { return true }
                    }
                    pc = Int(instruction.b)
                }
            }
        }
    }
}
