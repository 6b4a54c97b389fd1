import DDIKit

/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts, no external
/// references, so it opens from a mail attachment or a CI artifact without network. Every text that
/// comes from the inventory is escaped. The markup is well-formed XML so that tests can parse it.
struct HTMLReportRenderer {
    let report: CapacityReport

    static let colours: [(name: String, colour: String)] = [
        ("assigned", "#2563eb"), ("external", "#7c3aed"), ("reserved", "#f59e0b"),
        ("quarantine", "#dc2626"), ("retired", "#9ca3af"), ("free", "#e5e7eb"),
    ]

    func render() -> String {
        let title = "Number capacity" + (report.tenant.map { " – \($0)" } ?? "") + " – \(report.today)"
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <main>
        <h1>Number capacity</h1>
        <p class="lead">\(escape(report.tenant ?? "Inventory")) on <time datetime="\(report.today)">\(report.today)</time></p>

        """
        html += summary()
        html += section("Utilisation per range", utilisationChart() + legend())
        html += section("Assigned numbers over time", historyChart())
        html += section("Ranges", rangeTable())
        html += definitions()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Parts

    private func summary() -> String {
        let total = report.total
        let c = total.capacity
        let cost = total.unusedMonthlyCost.isEmpty ? "–" : total.unusedMonthlyCost.sorted { $0.key < $1.key }
            .map { escape(Figures.money($0.value, $0.key)) }.joined(separator: "<br/>")
        let firstRunOut = report.ranges.compactMap { row -> (Day, String)? in
            if case .on(let day) = row.forecasts.first?.runOut { return (day, row.capacity.id) }
            return nil
        }.min { $0.0 < $1.0 }
        let runOut = firstRunOut.map { "\($0.0)<br/><small>\(escape($0.1))</small>" } ?? (report.history.isEmpty ? "unknown" : "never")
        let cards: [(String, String, String)] = [
            ("Numbers held", "\(c.held)", "in \(report.ranges.count) range\(report.ranges.count == 1 ? "" : "s")"),
            ("Assigned", "\(c.assigned)", "\(c.external) more in use outside Teams"),
            ("Utilisation", Figures.percent(c.utilisation), "assigned + external of held"),
            ("Unused numbers", "\(c.unused)", "free, quarantine, expired reservations"),
            ("Unused cost / month", cost, total.rangesWithoutCost.isEmpty ? "all ranges priced" : "\(Wording.counted(total.rangesWithoutCost.count, "range")) without cost"),
            ("First range to run out", runOut, "at the 90-day rate"),
        ]
        var html = "<section class=\"cards\">\n"
        for (label, value, note) in cards {
            html += "<div class=\"card\"><div class=\"label\">\(escape(label))</div><div class=\"value\">\(value)</div><div class=\"note\">\(escape(note))</div></div>\n"
        }
        return html + "</section>\n"
    }

    private func section(_ heading: String, _ body: String) -> String {
        "<section>\n<h2>\(escape(heading))</h2>\n\(body)</section>\n"
    }

    private func legend() -> String {
        var html = "<p class=\"legend\">"
        for (name, colour) in Self.colours {
            html += "<span><i style=\"background:\(colour)\"></i>\(name)</span> "
        }
        return html + "</p>\n"
    }

    private func utilisationChart() -> String {
        let rows = report.ranges
        guard !rows.isEmpty else { return "<p>No ranges are declared.</p>\n" }
        let labelWidth = 150.0, barWidth = 560.0, rowHeight = 30.0, width = labelWidth + barWidth + 80
        let height = rowHeight * Double(rows.count) + 10
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Utilisation per range\" viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        for (index, row) in rows.enumerated() {
            let c = row.capacity
            let y = 5 + Double(index) * rowHeight
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 18))\" text-anchor=\"end\" class=\"label\">\(escape(c.id))</text>\n"
            var x = labelWidth
            let parts: [(String, String, UInt64)] = zip(Self.colours, [c.assigned, c.external, c.reserved, c.quarantine, c.retired, c.free]).map { ($0.0.name, $0.0.colour, $0.1) }
            for (name, colour, count) in parts where count > 0 && c.size > 0 {
                let w = barWidth * Double(count) / Double(c.size)
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y + 4))\" width=\"\(n(max(w, 0.5)))\" height=\"\(n(rowHeight - 10))\" fill=\"\(colour)\"><title>\(escape(c.id)): \(count) \(name)</title></rect>\n"
                x += w
            }
            svg += "<text x=\"\(n(labelWidth + barWidth + 8))\" y=\"\(n(y + 18))\" class=\"value\">\(Figures.percent(c.utilisation))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func historyChart() -> String {
        let total = report.total
        let today = report.today
        let current = Double(total.capacity.assigned)
        let capacity = Double(total.capacity.assigned + total.capacity.headroom)
        var points: [(Day, Double)] = report.history.filter { $0.day <= today }.map { sample in
            (sample.day, Double(sample.assignedByRange.filter { id in report.ranges.contains { $0.capacity.id == id.key } }.values.reduce(0, +)))
        }
        points.append((today, current))
        let start = points.first?.0 ?? today
        let forecast = total.forecasts.first
        var end = today.adding(days: max(90, start.days(until: today) / 2))
        var forecastEnd: (Day, Double)?
        if let perDay = forecast?.perDay, perDay > 0 {
            let daysToFull = (capacity - current) / perDay
            let horizon = min(daysToFull, 730)
            let endDay = today.adding(days: Int(horizon.rounded(.up)))
            end = max(end, endDay)
            forecastEnd = (endDay, min(capacity, current + perDay * Double(endDay.daysSinceEpoch - today.daysSinceEpoch)))
        } else if forecast?.perDay != nil {
            forecastEnd = (end, current)
        }
        let width = 760.0, height = 300.0, left = 60.0, right = 20.0, top = 24.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let span = Double(max(1, start.days(until: end)))
        // Scale to the data; the capacity line is drawn only when it is not far above it, so that a
        // range used at 2% still shows its history rather than a flat line at the bottom.
        let dataMaximum = max(1, points.map(\.1).max() ?? 0, forecastEnd?.1 ?? 0)
        let showCapacity = capacity <= dataMaximum * 2
        let maximum = (showCapacity ? max(capacity, dataMaximum) : dataMaximum) * 1.15
        func x(_ day: Day) -> Double { left + plotWidth * Double(start.days(until: day)) / span }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }

        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"Assigned numbers over time with forecast\" viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        // Grid and axes.
        for step in 0...4 {
            let value = (maximum / 1.15 * Double(step) / 4).rounded()
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\" class=\"grid\"/>\n"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(Int(value.rounded()))</text>\n"
        }
        let ticks = [start, today, end].reduce(into: [Day]()) { if !$0.contains($1) { $0.append($1) } }
        for (index, day) in ticks.enumerated() {
            let anchor = index == 0 ? "start" : (day == end ? "end" : "middle")
            svg += "<text x=\"\(n(x(day)))\" y=\"\(n(height - 14))\" text-anchor=\"\(anchor)\" class=\"tick\">\(day)</text>\n"
        }
        svg += "<line x1=\"\(n(x(today)))\" x2=\"\(n(x(today)))\" y1=\"\(n(top))\" y2=\"\(n(top + plotHeight))\" class=\"today\"/>\n"
        // Capacity: what can be assigned without buying numbers.
        if showCapacity {
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(capacity)))\" y2=\"\(n(y(capacity)))\" class=\"capacity\"><title>capacity: \(Int(capacity)) (assigned + free + quarantine)</title></line>\n"
            svg += "<text x=\"\(n(width - right))\" y=\"\(n(y(capacity) - 6))\" text-anchor=\"end\" class=\"tick\">capacity \(Int(capacity))</text>\n"
        } else {
            svg += "<text x=\"\(n(width - right))\" y=\"\(n(top - 6))\" text-anchor=\"end\" class=\"tick\">capacity \(Int(capacity)) is far above this scale</text>\n"
        }
        // History as a step line.
        var path = ""
        for (index, point) in points.enumerated() {
            if index == 0 {
                path += "M\(n(x(point.0))) \(n(y(point.1)))"
            } else {
                path += " H\(n(x(point.0))) V\(n(y(point.1)))"
            }
        }
        svg += "<path d=\"\(path)\" class=\"history\"><title>assigned numbers</title></path>\n"
        for point in points {
            svg += "<circle cx=\"\(n(x(point.0)))\" cy=\"\(n(y(point.1)))\" r=\"2.5\" class=\"dot\"><title>\(point.0): \(Int(point.1)) assigned</title></circle>\n"
        }
        if let forecastEnd {
            svg += "<line x1=\"\(n(x(today)))\" y1=\"\(n(y(current)))\" x2=\"\(n(x(forecastEnd.0)))\" y2=\"\(n(y(forecastEnd.1)))\" class=\"forecast\"><title>forecast at the 90-day rate (\(escape(Figures.rate(forecast ?? RangeForecast(windowDays: 90, perDay: nil, basisDays: 0, runOut: .unknown)))))</title></line>\n"
        }
        svg += "</svg>\n"
        var caption = "<p class=\"caption\">Solid: assigned numbers in every range, from git history. Dashed: forecast at the net rate of the last 90 days"
        if let forecast {
            caption += " (\(escape(Figures.rate(forecast))))"
            if case .on(let day) = forecast.runOut { caption += "; all ranges together run out on \(day)" }
            if case .never = forecast.runOut { caption += "; at this rate the ranges never run out" }
        }
        caption += ". Grey dashed line: capacity (assigned + free + quarantine).</p>\n"
        if let note = report.historyNote { caption += "<p class=\"caption\">History: \(escape(note))</p>\n" }
        return svg + caption
    }

    private func rangeTable() -> String {
        let headers = ["Range", "Site", "Source", "Size", "Assigned", "Reserved", "Quarantine", "Free", "External", "Utilisation",
                       "Unused", "Unused cost / month", "Rate 90 d", "Runs out (90 d)", "Rate 365 d", "Runs out (365 d)"]
        var html = "<div class=\"scroll\"><table>\n<thead><tr>"
        for (index, header) in headers.enumerated() { html += "<th\(index >= 3 ? " class=\"num\"" : "")>\(escape(header))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in report.ranges {
            html += tableRow(row.capacity, row.forecasts, cost: row.capacity.unusedMonthlyCost.map { Figures.money($0, row.capacity.cost?.currency ?? "") } ?? "–", isTotal: false)
        }
        html += "</tbody>\n<tfoot>\n"
        let costs = report.total.unusedMonthlyCost.sorted { $0.key < $1.key }.map { Figures.money($0.value, $0.key) }.joined(separator: ", ")
        html += tableRow(report.total.capacity, report.total.forecasts, cost: costs.isEmpty ? "–" : costs, isTotal: true)
        return html + "</tfoot>\n</table></div>\n"
    }

    private func tableRow(_ c: RangeCapacity, _ forecasts: [RangeForecast], cost: String, isTotal: Bool) -> String {
        let reserved = c.reservedExpired > 0 ? "\(c.reserved) (\(c.reservedExpired) expired)" : "\(c.reserved)"
        var cells: [(String, Bool)] = [
            (isTotal ? "Total" : c.id, false), (isTotal ? "" : c.site ?? "", false), (isTotal ? "" : c.source ?? "", false),
            ("\(c.size)", true), ("\(c.assigned)", true), (reserved, true), ("\(c.quarantine)", true), ("\(c.free)", true),
            ("\(c.external)", true), (Figures.percent(c.utilisation), true), ("\(c.unused)", true), (cost, true),
        ]
        for forecast in forecasts { cells += [(Figures.rate(forecast), true), (Figures.runOut(forecast), true)] }
        var html = "<tr>"
        for (text, numeric) in cells {
            let tag = isTotal ? "th" : "td"
            html += "<\(tag)\(numeric ? " class=\"num\"" : "")>\(escape(text))</\(tag)>"
        }
        return html + "</tr>\n"
    }

    private func definitions() -> String {
        """
        <section class="definitions">
        <h2>What the figures mean</h2>
        <dl>
        <dt>Utilisation</dt><dd>(assigned + external) ÷ (size − retired): the share of the numbers still held that is in use.</dd>
        <dt>Unused</dt><dd>free + quarantine + reservations whose date has passed: numbers paid for that nobody uses. Their monthly cost uses each range's <code>cost.per_number_month</code>; currencies are never added together.</dd>
        <dt>Rate</dt><dd>Net change of assigned numbers per month over the last 90 or 365 days, from the inventory's git history (releases count against allocations).</dd>
        <dt>Runs out</dt><dd>The day free + quarantine numbers are used up at that rate; “never” when the rate is zero or negative, “unknown” without history.</dd>
        </dl>
        </section>

        """
    }

    // MARK: - Helpers

    private func n(_ value: Double) -> String { Figures.fixed(value, 1) }

    func escape(_ text: String) -> String { TextEscaping.html(text) }

    static let css = """
    :root{color-scheme:light;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#f9fafb}
    main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
    h1{font-size:26px;margin:0 0 2px}
    h2{font-size:18px;margin:28px 0 10px}
    .lead{color:var(--muted);margin:0 0 18px}
    section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:6px 18px 14px;margin:16px 0}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;background:none;border:0;padding:0}
    .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
    .card .label{color:var(--muted);font-size:13px}
    .card .value{font-size:24px;font-weight:600;margin:2px 0}
    .card .note{color:var(--muted);font-size:12px}
    .chart{width:100%;height:auto;max-height:420px}
    .chart text{font-size:12px;fill:var(--ink)}
    .chart .tick{fill:var(--muted);font-size:11px}
    .chart .grid{stroke:var(--line);stroke-width:1}
    .chart .today{stroke:#9ca3af;stroke-dasharray:2 3}
    .chart .capacity{stroke:#6b7280;stroke-width:1.5;stroke-dasharray:6 4}
    .chart .history{fill:none;stroke:var(--accent);stroke-width:2.5}
    .chart .dot{fill:var(--accent)}
    .chart .forecast{stroke:#f97316;stroke-width:2.5;stroke-dasharray:8 5}
    .legend span{margin-right:14px;font-size:13px;color:var(--muted)}
    .legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
    .caption{color:var(--muted);font-size:13px;margin:6px 0}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-size:13px}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
    thead th{color:var(--muted);font-weight:600}
    tfoot th{border-top:2px solid var(--ink)}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    dt{font-weight:600;margin-top:8px}
    dd{margin:0 0 4px 0;color:#374151}
    """
}
