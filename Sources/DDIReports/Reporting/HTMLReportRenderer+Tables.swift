import DDIKit

/// The report's tables. Capacity and cost are two tables of at most ten columns, so that each fits a
/// 1280 px window and an A4 page whole, without a scrollbar that hides the cost columns in print.
extension HTMLReportRenderer {
    /// The hand-back list shows this many runs; JSON has all of them.
    static let handBackRowsShown = 25

    func capacityTable() -> String {
        let headers = ["Range", "Site", "Source", "Size", "Assigned", "Reserved", "Quarantine", "Free", "External", "Utilisation"]
        var rows = report.ranges.map { capacityCells($0.capacity, isTotal: false) }
        rows.append(capacityCells(report.total.capacity, isTotal: true))
        return table(headers, numericFrom: 3, rows, footerRows: 1)
    }

    func costTable() -> String {
        let headers = ["Range", "Unused numbers", "Unused cost / month", "Unused cost / year", "Rate 90\u{A0}d", "Runs out (90\u{A0}d)", "Rate 365\u{A0}d", "Runs out (365\u{A0}d)"]
        var rows = report.ranges.map { row in
            costCells(row.capacity, row.forecasts, monthly: row.capacity.unusedMonthlyCost.map { Figures.money($0, row.capacity.cost?.currency ?? "") },
                      yearly: row.capacity.unusedYearlyCost.map { Figures.money($0, row.capacity.cost?.currency ?? "") }, isTotal: false)
        }
        let total = report.total
        rows.append(costCells(total.capacity, total.forecasts, monthly: Figures.moneyList(total.unusedMonthlyCost),
                              yearly: Figures.moneyList(total.unusedYearlyCost), isTotal: true))
        var html = table(headers, numericFrom: 1, rows, footerRows: 1)
        if !total.rangesWithoutCost.isEmpty {
            html += "<p class=\"caption\">No cost declared for: \(escape(total.rangesWithoutCost.joined(separator: ", "))).</p>\n"
        }
        return html
    }

    func handBackSection() -> String {
        let list = report.handBack
        guard !list.runs.isEmpty else {
            return "<p>No number that costs money is idle: nothing to hand back.</p>\n" + handBackScope(list)
        }
        let saving = Figures.moneyList(list.yearlySaving) ?? "–"
        let monthly = Figures.moneyList(list.monthlySaving) ?? "–"
        var html = "<p class=\"verdict\">Hand back these \(Figures.count(list.numbers)) number\(list.numbers == 1 ? "" : "s") to save <strong>\(escape(saving))</strong> a year (\(escape(monthly)) a month).</p>\n"
        let headers = ["Range", "Numbers", "Count", "Idle because", "Idle since", "Cost / month", "Cost / year"]
        let shown = list.runs.prefix(Self.handBackRowsShown).map { run in
            [run.rangeID, run.numbers, Figures.count(run.count), Figures.reason(run.reason), Figures.idleSince(run.idleSince),
             Figures.money(run.monthlyCost, run.currency), Figures.money(run.yearlyCost, run.currency)]
        }
        html += table(headers, numericFrom: 2, shown, footerRows: 0, textColumns: [3, 4])
        if list.runs.count > Self.handBackRowsShown {
            html += "<p class=\"caption\">The \(Self.handBackRowsShown) runs idle longest are listed; \(Figures.count(UInt64(list.runs.count - Self.handBackRowsShown))) more are in <code>ddi report --format json</code> (<code>hand_back.runs</code>).</p>\n"
        }
        return html + handBackScope(list)
    }

    private func handBackScope(_ list: HandBackList) -> String {
        var text = "Free numbers (declared <code>free</code> or declared nowhere) and reservations that ended, in ranges with a cost; longest idle first. "
        text += "Idle since: the day after the reservation ended, or the day of the last commit that changed the numbers' declaration; “or earlier” when they have not changed since the history began."
        if list.countsHeldNumbersOnly {
            text += " Counting only Calling Plan and Operator Connect numbers the live snapshot lists (\(Figures.count(list.notHeld)) idle number\(list.notHeld == 1 ? "" : "s") it does not list left out); Direct Routing numbers are billed by the carrier and are not filtered."
        }
        return "<p class=\"caption\">\(text)</p>\n"
    }

    private func capacityCells(_ c: RangeCapacity, isTotal: Bool) -> [String] {
        let reserved = c.reservedExpired > 0 ? "\(Figures.count(c.reserved)) (\(Figures.count(c.reservedExpired)) expired)" : Figures.count(c.reserved)
        return [isTotal ? "Total" : c.id, isTotal ? "" : c.site ?? "", isTotal ? "" : c.source ?? "",
                Figures.count(c.size), Figures.count(c.assigned), reserved, Figures.count(c.quarantine), Figures.count(c.free),
                Figures.count(c.external), Figures.percent(c.utilisation)]
    }

    private func costCells(_ c: RangeCapacity, _ forecasts: [RangeForecast], monthly: String?, yearly: String?, isTotal: Bool) -> [String] {
        var cells = [isTotal ? "Total" : c.id, Figures.count(c.unused), monthly ?? "–", yearly ?? "–"]
        for forecast in forecasts { cells += [Figures.rate(forecast), Figures.runOut(forecast)] }
        return cells
    }

    /// Cells are plain text (escaped here); columns from `numericFrom` on are right-aligned figures,
    /// except `textColumns`. The last `footerRows` rows are totals.
    private func table(_ headers: [String], numericFrom: Int, _ rows: [[String]], footerRows: Int, textColumns: Set<Int> = []) -> String {
        func numeric(_ index: Int) -> Bool { index >= numericFrom && !textColumns.contains(index) }
        var html = "<table>\n<thead><tr>"
        for (index, header) in headers.enumerated() { html += "<th\(numeric(index) ? " class=\"num\"" : "")>\(escape(header))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        let bodyCount = rows.count - min(footerRows, rows.count)
        for (position, cells) in rows.enumerated() {
            if position == bodyCount { html += "</tbody>\n<tfoot>\n" }
            let tag = position >= bodyCount ? "th" : "td"
            html += "<tr>"
            for (index, text) in cells.enumerated() {
                html += "<\(tag)\(numeric(index) ? " class=\"num\"" : "")>\(escape(text))</\(tag)>"
            }
            html += "</tr>\n"
        }
        html += footerRows > 0 && !rows.isEmpty ? "</tfoot>\n" : "</tbody>\n"
        return html + "</table>\n"
    }
}
