/// A unified diff (`diff -u` style, 3 lines of context) of one file before and after an edit.
public enum UnifiedDiff {
    public static func render(path: String, before: [UInt8], after: [UInt8], context: Int = 3) -> String {
        let old = lines(before), new = lines(after)
        let script = editScript(old, new)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        // Each change with `context` lines around it; windows that touch become one hunk.
        var windows: [Range<Int>] = []
        for (index, step) in script.enumerated() where step.kind != .same {
            let window = max(0, index - context)..<min(script.count, index + context + 1)
            if let last = windows.last, window.lowerBound <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                windows.append(window)
            }
        }
        for window in windows {
            let hunk = script[window]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                let line: Line
                switch step.kind {
                case .same: line = old[step.oldLine - 1]; output += " " + line.text + "\n"
                case .delete: line = old[step.oldLine - 1]; output += "-" + line.text + "\n"
                case .insert: line = new[step.newLine - 1]; output += "+" + line.text + "\n"
                }
                if !line.terminated { output += "\\ No newline at end of file\n" }
            }
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    struct Line: Equatable {
        var text: String
        var bytes: ArraySlice<UInt8>
        var terminated: Bool
        static func == (lhs: Line, rhs: Line) -> Bool { lhs.bytes == rhs.bytes && lhs.terminated == rhs.terminated }
    }

    /// Lines without their LF (a CR before it stays part of the compared bytes, not of the shown text).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 10 {
            result.append(make(bytes[start..<index], terminated: true))
            start = index + 1
        }
        if start < bytes.count { result.append(make(bytes[start...], terminated: false)) }
        return result
    }

    private static func make(_ slice: ArraySlice<UInt8>, terminated: Bool) -> Line {
        var shown = slice
        if shown.last == 13 { shown = shown.dropLast() }
        return Line(text: String(decoding: shown, as: UTF8.self), bytes: slice, terminated: terminated)
    }

    enum Kind { case same, delete, insert }
    struct Step { var kind: Kind; var oldLine: Int; var newLine: Int }

    /// Myers' O((N+M)D) shortest edit script, after trimming the common head and tail.
    static func editScript(_ old: [Line], _ new: [Line]) -> [Step] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)]), b = Array(new[head..<(new.count - tail)])
        var steps: [Step] = (0..<head).map { Step(kind: .same, oldLine: $0 + 1, newLine: $0 + 1) }
        for step in myers(a, b) {
            steps.append(Step(kind: step.kind, oldLine: step.oldLine + head, newLine: step.newLine + head))
        }
        for offset in 0..<tail {
            steps.append(Step(kind: .same, oldLine: old.count - tail + offset + 1, newLine: new.count - tail + offset + 1))
        }
        return steps
    }

    private static func myers(_ a: [Line], _ b: [Line]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { Step(kind: .insert, oldLine: 1, newLine: $0 + 1) } }
        if m == 0 { return (0..<n).map { Step(kind: .delete, oldLine: $0 + 1, newLine: 1) } }
        let maximum = n + m
        let offset = maximum
        var v = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maximum {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break }
                k += 2
            }
            if found { break }
        }
        // Walk back through the trace.
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vd = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = vd[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                steps.append(Step(kind: .same, oldLine: x, newLine: y))
                x -= 1; y -= 1
            }
            if d > 0 {
                if x == previousX {
                    steps.append(Step(kind: .insert, oldLine: x + 1, newLine: y))
                } else {
                    steps.append(Step(kind: .delete, oldLine: x, newLine: y + 1))
                }
            }
            x = previousX; y = previousY
        }
        return steps.reversed()
    }
}
