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
        html += section("Ranges", capacityTable())
        html += section("Cost and forecast", costTable())
        html += section("Numbers to hand back", handBackSection())
        html += definitions()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Parts

    private func summary() -> String {
        let total = report.total
        let c = total.capacity
        let cost = amounts(total.unusedMonthlyCost)
        let yearly = amounts(total.unusedYearlyCost)
        let firstRunOut = report.ranges.compactMap { row -> (Day, String)? in
            if case .on(let day) = row.forecasts.first?.runOut { return (day, row.capacity.id) }
            return nil
        }.min { $0.0 < $1.0 }
        let runOut = firstRunOut.map { "\(Figures.runOutDay($0.0))<br/><small>\(escape($0.1))</small>" } ?? (report.history.isEmpty ? "unknown" : "never")
        let cards: [(String, String, String)] = [
            ("Numbers held", Figures.count(c.held), "in \(report.ranges.count) range\(report.ranges.count == 1 ? "" : "s")"),
            ("Assigned", Figures.count(c.assigned), "\(Figures.count(c.external)) more in use outside Teams"),
            ("Utilisation", Figures.percent(c.utilisation), "assigned + external of held"),
            ("Unused numbers", Figures.count(c.unused), "free, quarantine, expired reservations"),
            ("Unused cost / month", cost, total.rangesWithoutCost.isEmpty ? "all ranges priced" : "\(Wording.counted(total.rangesWithoutCost.count, "range")) without cost"),
            ("Unused cost / year", yearly, "12 × the monthly cost"),
            ("First range to run out", runOut, "at the 90-day rate"),
        ]
        var html = "<section class=\"cards\">\n"
        for (label, value, note) in cards {
            html += "<div class=\"card\"><div class=\"label\">\(escape(label))</div><div class=\"value\">\(value)</div><div class=\"note\">\(escape(note))</div></div>\n"
        }
        return html + "</section>\n"
    }

    /// Amounts per currency for a card, one a line, never broken inside an amount.
    private func amounts(_ values: [String: Double]) -> String {
        guard !values.isEmpty else { return "–" }
        return "<span class=\"amounts\">" + values.sorted { $0.key < $1.key }
            .map { "<span class=\"amount\">\(escape(Figures.money($0.value, $0.key)))</span>" }.joined() + "</span>"
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
        var svg = "<svg class=\"chart utilisation\" role=\"img\" aria-label=\"Utilisation per range\" viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
        for (index, row) in rows.enumerated() {
            let c = row.capacity
            let y = 5 + Double(index) * rowHeight
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 18))\" text-anchor=\"end\" class=\"label\">\(escape(c.id))</text>\n"
            var x = labelWidth
            let parts: [(String, String, UInt64)] = zip(Self.colours, [c.assigned, c.external, c.reserved, c.quarantine, c.retired, c.free]).map { ($0.0.name, $0.0.colour, $0.1) }
            for (name, colour, count) in parts where count > 0 && c.size > 0 {
                let w = barWidth * Double(count) / Double(c.size)
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y + 4))\" width=\"\(n(max(w, 0.5)))\" height=\"\(n(rowHeight - 10))\" fill=\"\(colour)\"><title>\(escape(c.id)): \(Figures.count(count)) \(name)</title></rect>\n"
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

        var svg = "<svg class=\"chart timeline\" role=\"img\" aria-label=\"Assigned numbers over time with forecast\" viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
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
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(capacity)))\" y2=\"\(n(y(capacity)))\" class=\"capacity\"><title>capacity: \(Figures.count(UInt64(max(0, capacity)))) (assigned + free + quarantine)</title></line>\n"
            svg += "<text x=\"\(n(width - right))\" y=\"\(n(y(capacity) - 6))\" text-anchor=\"end\" class=\"tick\">capacity \(Figures.count(UInt64(max(0, capacity))))</text>\n"
        } else {
            svg += "<text x=\"\(n(width - right))\" y=\"\(n(top - 6))\" text-anchor=\"end\" class=\"tick\">capacity \(Figures.count(UInt64(max(0, capacity)))) is far above this scale</text>\n"
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
            if case .on(let day) = forecast.runOut {
                caption += day.components.year > Figures.lastDatedYear ? "; all ranges together last beyond \(Figures.lastDatedYear)" : "; all ranges together run out on \(day)"
            }
            if case .never = forecast.runOut { caption += "; at this rate the ranges never run out" }
        }
        caption += ". Grey dashed line: capacity (assigned + free + quarantine).</p>\n"
        if let note = report.historyNote { caption += "<p class=\"caption\">History: \(escape(note))</p>\n" }
        return svg + caption
    }

    private func definitions() -> String {
        """
        <section class="definitions">
        <h2>What the figures mean</h2>
        <dl>
        <dt>Utilisation</dt><dd>(assigned + external) ÷ (size − retired): the share of the numbers still held that is in use.</dd>
        <dt>Unused</dt><dd>free + quarantine + reservations whose date has passed: numbers paid for that nobody uses. Their monthly cost uses each range's <code>cost.per_number_month</code>, the yearly cost is twelve times that; currencies are never added together.</dd>
        <dt>Rate</dt><dd>Net change of assigned numbers per month over the last 90 or 365 days, from the inventory's git history (releases count against allocations).</dd>
        <dt>Runs out</dt><dd>The day free + quarantine numbers are used up at that rate; “never” when the rate is zero or negative, “unknown” without history, “after 2100” when it is later than that.</dd>
        <dt>Numbers to hand back</dt><dd>Free numbers and reservations that ended, in ranges with a cost, longest idle first: returning them to the carrier saves their cost. Quarantined numbers are not listed: people still call them.</dd>
        </dl>
        </section>

        """
    }

    // MARK: - Helpers

    private func n(_ value: Double) -> String { Figures.fixed(value, 1) }

    func escape(_ text: String) -> String { TextEscaping.html(text) }
}
