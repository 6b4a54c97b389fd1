import DDIKit

/// The report's JSON written straight into bytes, without `Encodable`: exactly what `JSONBytesEncoder`
/// (and `JSONEncoder` in ddi's configuration) writes for `JSONReportRenderer.Output`, keys sorted by
/// their UTF-8 bytes, `"key" : value`, two spaces per level, empty containers as `[\n\n<indent>]`,
/// nil optionals left out. Why: a large organisation's report lists about 100,000 runs of numbers to
/// hand back (35 MB); through `Encodable` each run became a boxed encoder, a node per field and a
/// key list to sort, about a quarter of a warm `ddi report`. `ReportBytesTests` compares the two ways
/// byte for byte on every report golden, example, hostile and generated report.
///
/// The runs are written from the list itself (`HandBackList.Run`), so no `String` is made per field.
/// Strings go through the encoder's own escaping and numbers through its own formatting
/// (`JSONBytesEscaping`, `JSONBytesNumbers`).
struct JSONReportWriter {

    private var out: [UInt8] = []
    private var indent = 0
    /// True until the innermost open array or object has a member.
    private var first = true
    /// False once a value JSON cannot hold (NaN, an infinity) was met: the caller then encodes the
    /// report the `Encodable` way, which refuses it with its own error.
    private var finite = true
    /// The last day written, quoted (runs come sorted by day, so most runs repeat the one before).
    private var lastDay: (day: Day, quoted: [UInt8])?
    private var splitAt = Int.max

    /// The JSON text with a final newline, as `JSONBytesOutput.encode`; nil when a number is not finite.
    /// `output` is `JSONReportRenderer.output(withRuns: false)`; `runs` are the list's runs, in order.
    /// `splitAt`: from how many runs the second half is written on another thread.
    static func write(_ output: JSONReportRenderer.Output, runs: [HandBackList.Run], splitAt: Int = 20_000) -> [UInt8]? {
        var writer = JSONReportWriter()
        writer.splitAt = max(2, splitAt)
        writer.out.reserveCapacity(estimatedSize(output, runs: runs))
        writer.document(output, runs: runs)
        guard writer.finite else { return nil }
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }

    /// A reservation for the text: each history point is sized by the ranges it lists, not by every
    /// range (a history of many days and an inventory of many ranges would otherwise reserve far more
    /// than is written). Capped, since it is only a hint: the buffer grows past it when it must.
    static func estimatedSize(_ output: JSONReportRenderer.Output, runs: [HandBackList.Run]) -> Int {
        let cap = 1 << 28
        var size = 65_536 + min(runs.count, cap) * 360 + min(output.ranges.count, cap) * 1_024
        for point in output.history where size < cap {
            size += 40 + point.assigned.count * 40
        }
        return min(size, cap)
    }

    private mutating func document(_ output: JSONReportRenderer.Output, runs: [HandBackList.Run]) {
        open(UInt8(ascii: "{"))
        key("hand_back")
        handBack(output.hand_back, runs: runs)
        key("history")
        open(UInt8(ascii: "["))
        for point in output.history {
            element()
            open(UInt8(ascii: "{"))
            key("assigned")
            dictionary(point.assigned) { $0.integer($1) }
            key("date")
            string(point.date)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "]"))
        if let note = output.history_note {
            key("history_note")
            string(note)
        }
        key("ranges")
        open(UInt8(ascii: "["))
        for row in output.ranges {
            element()
            self.row(row)
        }
        close(UInt8(ascii: "]"))
        if let tenant = output.tenant {
            key("tenant")
            string(tenant)
        }
        key("today")
        string(output.today)
        key("total")
        open(UInt8(ascii: "{"))
        key("figures")
        row(output.total.figures)
        key("held_monthly_cost")
        dictionary(output.total.held_monthly_cost) { $0.double($1) }
        key("ranges_without_cost")
        open(UInt8(ascii: "["))
        for id in output.total.ranges_without_cost {
            element()
            string(id)
        }
        close(UInt8(ascii: "]"))
        key("unused_monthly_cost")
        dictionary(output.total.unused_monthly_cost) { $0.double($1) }
        key("unused_yearly_cost")
        dictionary(output.total.unused_yearly_cost) { $0.double($1) }
        close(UInt8(ascii: "}"))
        close(UInt8(ascii: "}"))
    }

    private mutating func handBack(_ handBack: JSONReportRenderer.HandBack, runs: [HandBackList.Run]) {
        open(UInt8(ascii: "{"))
        key("counts_held_numbers_only")
        bool(handBack.counts_held_numbers_only)
        key("monthly_saving")
        dictionary(handBack.monthly_saving) { $0.double($1) }
        key("not_held")
        integer(handBack.not_held)
        key("numbers")
        integer(handBack.numbers)
        key("runs")
        open(UInt8(ascii: "["))
        if runs.count >= splitAt {
            // The second half on another thread, into its own bytes, starting as the first half's
            // next element would (",\n" at the same depth); appended once the first half is written.
            let half = runs.count / 2, depth = indent
            let tail = Background<[UInt8]?>(placeholder: nil) {
                var writer = JSONReportWriter()
                writer.indent = depth
                writer.first = false
                writer.out.reserveCapacity((runs.count - half) * 360)
                for run in runs[half...] {
                    writer.element()
                    writer.run(run)
                }
                return writer.finite ? writer.out : nil
            }
            for run in runs[..<half] {
                element()
                self.run(run)
            }
            if let bytes = tail.value() { out.append(contentsOf: bytes) } else { finite = false }
        } else {
            for run in runs {
                element()
                self.run(run)
            }
        }
        close(UInt8(ascii: "]"))
        key("yearly_saving")
        dictionary(handBack.yearly_saving) { $0.double($1) }
        close(UInt8(ascii: "}"))
    }

    /// The keys of a run, in the order written (sorted by their UTF-8 bytes).
    private enum RunKey: Int, CaseIterable {
        case count, currency, first, idleSince, idleSinceOrEarlier, last, monthlyCost, range, reason, yearlyCost

        var name: StaticString {
            switch self {
            case .count: "count"
            case .currency: "currency"
            case .first: "first"
            case .idleSince: "idle_since"
            case .idleSinceOrEarlier: "idle_since_or_earlier"
            case .last: "last"
            case .monthlyCost: "monthly_cost"
            case .range: "range"
            case .reason: "reason"
            case .yearlyCost: "yearly_cost"
            }
        }
    }

    /// What `key` writes before each of a run's keys at the runs' depth, one after the other
    /// (`runKeyEnds` marks where each ends): made once, as `key` would write it, and copied for each
    /// of the 100,000 runs.
    private var runKeyBytes: [UInt8] = []
    private var runKeyEnds: [Int] = []

    private mutating func runKey(_ runKey: RunKey) {
        let start = runKey.rawValue == 0 ? 0 : runKeyEnds[runKey.rawValue - 1]
        out.append(contentsOf: runKeyBytes[start..<runKeyEnds[runKey.rawValue]])
        first = false
    }

    /// The prefixes of `runKeyBytes`, written by `key` itself into a spare writer at this depth.
    private mutating func prepareRunKeys() {
        var spare = JSONReportWriter()
        spare.indent = indent
        for runKey in RunKey.allCases {
            spare.key(runKey.name)
            runKeyEnds.append(spare.out.count)
        }
        runKeyBytes = spare.out
    }

    /// `JSONReportRenderer.HandBackRun` of `run`.
    private mutating func run(_ run: HandBackList.Run) {
        let fields = JSONReportRenderer.HandBackRun.Fields(run)
        open(UInt8(ascii: "{"))
        if runKeyEnds.isEmpty { prepareRunKeys() }
        runKey(.count)
        integer(run.count)
        runKey(.currency)
        string(run.currency)
        runKey(.first)
        phoneNumber(run.first)
        if let since = fields.idleSince {
            runKey(.idleSince)
            day(since)
        }
        runKey(.idleSinceOrEarlier)
        bool(fields.idleSinceOrEarlier)
        runKey(.last)
        phoneNumber(run.last)
        runKey(.monthlyCost)
        double(fields.monthlyCost)
        runKey(.range)
        string(run.rangeID)
        runKey(.reason)
        string(run.reason.rawValue)
        runKey(.yearlyCost)
        double(fields.yearlyCost)
        close(UInt8(ascii: "}"))
    }

    private mutating func row(_ row: JSONReportRenderer.Row) {
        open(UInt8(ascii: "{"))
        key("assigned")
        integer(row.assigned)
        if let block = row.block {
            key("block")
            string(block)
        }
        if let cost = row.cost {
            key("cost")
            open(UInt8(ascii: "{"))
            key("currency")
            string(cost.currency)
            key("held_monthly")
            double(cost.held_monthly)
            key("per_number_month")
            double(cost.per_number_month)
            key("unused_monthly")
            double(cost.unused_monthly)
            key("unused_yearly")
            double(cost.unused_yearly)
            close(UInt8(ascii: "}"))
        }
        key("external")
        integer(row.external)
        key("forecast")
        open(UInt8(ascii: "["))
        for forecast in row.forecast {
            element()
            open(UInt8(ascii: "{"))
            key("basis_days")
            integer(forecast.basis_days)
            if let rate = forecast.rate_per_month {
                key("rate_per_month")
                double(rate)
            }
            if let runsOut = forecast.runs_out {
                key("runs_out")
                string(runsOut)
            }
            key("window_days")
            integer(forecast.window_days)
            close(UInt8(ascii: "}"))
        }
        close(UInt8(ascii: "]"))
        key("free")
        integer(row.free)
        key("headroom")
        integer(row.headroom)
        key("held")
        integer(row.held)
        key("id")
        string(row.id)
        key("quarantine")
        integer(row.quarantine)
        key("reserved")
        integer(row.reserved)
        key("reserved_expired")
        integer(row.reserved_expired)
        key("retired")
        integer(row.retired)
        if let site = row.site {
            key("site")
            string(site)
        }
        key("size")
        integer(row.size)
        if let source = row.source {
            key("source")
            string(source)
        }
        key("unused")
        integer(row.unused)
        key("utilisation")
        double(row.utilisation)
        close(UInt8(ascii: "}"))
    }

    // MARK: Containers

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        out.append(UInt8(ascii: "\n"))
        indent += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        out.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        out.append(bracket)
        first = false
    }

    /// Before each member of an array.
    private mutating func element() {
        if !first {
            out.append(UInt8(ascii: ","))
            out.append(UInt8(ascii: "\n"))
        }
        writeIndent()
        first = false
    }

    /// A fixed key (plain ASCII, nothing to escape), then `" : "`.
    private mutating func key(_ name: StaticString) {
        element()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        separateValue()
    }

    /// `" : "` between a key and its value.
    private mutating func separateValue() {
        out.append(UInt8(ascii: " "))
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// A dictionary as `JSONEncoder` writes one: an object, keys sorted by their UTF-8 bytes (keys of
    /// a dictionary are distinct strings, so no two have the same bytes).
    private mutating func dictionary<Value>(_ values: [String: Value], _ write: (inout JSONReportWriter, Value) -> Void) {
        open(UInt8(ascii: "{"))
        for index in sortedIndices(values) {
            let (name, value) = values[index]
            element()
            JSONBytesEscaping.appendQuoted(name, to: &out, escapesSlashes: false)
            separateValue()
            write(&self, value)
        }
        close(UInt8(ascii: "}"))
    }

    /// The keys of the last dictionary written, sorted: the history's hundreds of points have the same
    /// range ids, and sorting them again for each point was a visible part of the writing.
    private var lastSortedKeys: [String] = []

    /// `values`' positions in the order of their keys' UTF-8 bytes. The last order is reused only when
    /// `values` has exactly the same keys, byte for byte (a lookup alone would also find a key that is
    /// only canonically equal).
    private mutating func sortedIndices<Value>(_ values: [String: Value]) -> [Dictionary<String, Value>.Index] {
        if values.count == lastSortedKeys.count {
            var indices: [Dictionary<String, Value>.Index] = []
            indices.reserveCapacity(values.count)
            for name in lastSortedKeys {
                guard let index = values.index(forKey: name), values[index].key.utf8.elementsEqual(name.utf8) else { break }
                indices.append(index)
            }
            if indices.count == values.count { return indices }
        }
        let indices = values.indices.sorted { values[$0].key.utf8.lexicographicallyPrecedes(values[$1].key.utf8) }
        lastSortedKeys = indices.map { values[$0].key }
        return indices
    }

    private mutating func writeIndent() {
        JSONBytesEscaping.appendIndent(level: indent, to: &out)
    }

    // MARK: Scalars

    private mutating func string(_ value: String) {
        JSONBytesEscaping.appendQuoted(value, to: &out, escapesSlashes: false)
    }

    /// An integer's `description`. Written here for the two integer types the report has: the generic
    /// `JSONBytesNumbers.appendInteger`, called from another module, ran unspecialised (a third of
    /// the writing).
    private mutating func integer(_ value: UInt64) {
        guard value != 0 else { return out.append(UInt8(ascii: "0")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = 20
            while rest != 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    private mutating func integer(_ value: Int) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        integer(UInt64(value.magnitude))
    }

    private mutating func double(_ value: Double) {
        if !JSONBytesNumbers.appendFloatingPoint(value, to: &out) { finite = false }
    }

    private mutating func bool(_ value: Bool) {
        if value {
            out.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            out.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
    }

    /// `number.description` quoted: `+`, the digits zero-padded to the number's length; one with an
    /// extension (never in a run) through its description.
    private mutating func phoneNumber(_ number: PhoneNumber) {
        guard number.phoneExtension == nil else { return string(number.description) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: "+"))
        var width = 1
        var rest = number.value / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        for _ in 0..<max(0, number.digitCount - width) { out.append(UInt8(ascii: "0")) }
        integer(number.value)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func day(_ value: Day) {
        if let lastDay, lastDay.day == value { return out.append(contentsOf: lastDay.quoted) }
        var quoted: [UInt8] = []
        JSONBytesEscaping.appendQuoted(value.description, to: &quoted, escapesSlashes: false)
        lastDay = (value, quoted)
        out.append(contentsOf: quoted)
    }
}
