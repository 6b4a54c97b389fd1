import DDIKit

/// The report as aligned tables for a terminal.
struct TextReportRenderer {
    let report: CapacityReport

    func render() -> String {
        // Range ids, currencies, the tenant and the history note are inventory or git text: each is
        // escaped where it is put in, so none can start a line of its own or restyle the terminal.
        var out = "Capacity on \(report.today)" + (report.tenant.map { " (\(TextEscaping.terminal($0)))" } ?? "") + "\n\n"
        let header = ["range", "size", "assigned", "reserved", "quarantine", "free", "external", "retired", "utilisation", "unused", "unused cost/month", "unused cost/year"]
        var rows: [[String]] = []
        for row in report.ranges {
            let c = row.capacity
            let currency = c.cost?.currency ?? ""
            rows.append(capacityCells(c) + [c.unusedMonthlyCost.map { TextEscaping.terminal(Figures.money($0, currency)) } ?? "-",
                                            c.unusedYearlyCost.map { TextEscaping.terminal(Figures.money($0, currency)) } ?? "-"])
        }
        let t = report.total
        rows.append(capacityCells(t.capacity) + [costList(t.unusedMonthlyCost), costList(t.unusedYearlyCost)])
        out += table(header, rows, rightAligned: Set(1..<header.count))
        if !t.rangesWithoutCost.isEmpty {
            out += "no cost declared for: \(TextEscaping.terminal(t.rangesWithoutCost.joined(separator: ", ")))\n"
        }

        out += "\nAllocation rate (net assigned numbers per month) and run-out forecast\n\n"
        let forecastHeader = ["range", "headroom", "rate 90d", "runs out (90d)", "rate 365d", "runs out (365d)"]
        var forecastRows: [[String]] = []
        for row in report.ranges {
            forecastRows.append(forecastCells(row.capacity, row.forecasts))
        }
        forecastRows.append(forecastCells(t.capacity, t.forecasts))
        out += table(forecastHeader, forecastRows, rightAligned: [1, 2, 4])
        out += "\nheadroom = free + quarantine; utilisation = (assigned + external) / (size - retired);\n"
        out += "unused = free + quarantine + expired reservations.\n"
        if let note = report.historyNote { out += "history: \(TextEscaping.terminal(note))\n" }
        out += handBack()
        return out
    }

    private func capacityCells(_ c: RangeCapacity) -> [String] {
        let reserved = c.reservedExpired > 0 ? "\(Figures.count(c.reserved)) (\(Figures.count(c.reservedExpired)) expired)" : Figures.count(c.reserved)
        return [TextEscaping.terminal(c.id), Figures.count(c.size), Figures.count(c.assigned), reserved, Figures.count(c.quarantine), Figures.count(c.free),
                Figures.count(c.external), Figures.count(c.retired), Figures.percent(c.utilisation), Figures.count(c.unused)]
    }

    private func forecastCells(_ c: RangeCapacity, _ forecasts: [RangeForecast]) -> [String] {
        var cells = [TextEscaping.terminal(c.id), Figures.count(c.headroom)]
        for forecast in forecasts { cells += [Figures.rate(forecast), Figures.runOut(forecast)] }
        return cells
    }

    /// The numbers to hand back, longest idle first (the first rows; JSON has all).
    private func handBack() -> String {
        let list = report.handBack
        var out = "\nNumbers to hand back (free or reservation ended, in ranges with a cost; longest idle first)\n\n"
        guard !list.runs.isEmpty else { return out + "none: no number that costs money is idle\n" + scope(list) }
        out += "hand back these \(Figures.count(list.numbers)) number\(list.numbers == 1 ? "" : "s") to save \(costList(list.yearlySaving)) a year (\(costList(list.monthlySaving)) a month)\n\n"
        let header = ["range", "numbers", "count", "idle because", "idle since", "cost/month", "cost/year"]
        let rows = list.runs.prefix(HTMLReportRenderer.handBackRowsShown).map { run in
            [TextEscaping.terminal(run.rangeID), run.numbers, Figures.count(run.count), Figures.reason(run.reason), Figures.idleSince(run.idleSince),
             TextEscaping.terminal(Figures.money(run.monthlyCost, run.currency)), TextEscaping.terminal(Figures.money(run.yearlyCost, run.currency))]
        }
        out += table(header, Array(rows), rightAligned: [2, 5, 6])
        if list.runs.count > HTMLReportRenderer.handBackRowsShown {
            out += "and \(Figures.count(UInt64(list.runs.count - HTMLReportRenderer.handBackRowsShown))) more runs (ddi report --format json: hand_back.runs)\n"
        }
        return out + scope(list)
    }

    private func scope(_ list: HandBackList) -> String {
        guard list.countsHeldNumbersOnly else { return "" }
        return "counting only Calling Plan and Operator Connect numbers the live snapshot lists (\(Figures.count(list.notHeld)) left out)\n"
    }

    private func costList(_ costs: [String: Double]) -> String {
        costs.isEmpty ? "-" : costs.sorted { $0.key < $1.key }.map { TextEscaping.terminal(Figures.money($0.value, $0.key)) }.joined(separator: ", ")
    }

    private func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in all {
            var cells: [String] = []
            for (index, cell) in row.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                cells.append(rightAligned.contains(index) ? pad + cell : cell + pad)
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
