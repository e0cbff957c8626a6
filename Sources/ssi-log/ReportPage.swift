import SSIDomain
import SSIProtocol

/// The progress report as one self-contained HTML page: inline CSS and SVG, no script, nothing
/// loaded from anywhere. Light and dark colour schemes and print follow the reader's settings.
struct ReportPage {
    let history: HistoryResult
    let score: ScoreResult
    let explanation: ExplanationResult
    let today: TodayResult
    let generated: String

    /// Series colours, exact in the pixels (the browser test looks for them).
    static let colours: [String: String] = [
        "total": "#2563eb", "brand": "#db2777", "find": "#16a34a", "engage": "#ea580c", "relationships": "#7c3aed",
    ]

    static func colour(_ pillar: Pillar) -> String { colours[pillar.rawValue]! }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    var html: String {
        let first = history.days.first?.date ?? ""
        let last = history.days.last?.date ?? ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Social Selling Index, \(first) to \(last)</title>
            <style>\(Self.style)</style></head><body>
            <header><h1>Social Selling Index</h1><p>\(first) to \(last) · generated \(Self.escape(generated))</p></header>
            \(scoreCard)
            <section><h2>Total over time</h2>\(lineChart(maximum: 100, series: [("total", Self.colours["total"]!, history.days.map { $0.score.total })], markers: true))
            <p class="legend"><span style="color:\(Self.colours["total"]!)">━ local total</span> <span>◆ LinkedIn's SSI (snapshots)</span></p></section>
            <section><h2>Pillars over time</h2>\(lineChart(maximum: 25, series: Pillar.allCases.map { pillar in (pillar.rawValue, Self.colour(pillar), history.days.map { $0.score.value(pillar) }) }, markers: false))
            <p class="legend">\(Pillar.allCases.map { "<span style=\"color:\(Self.colour($0))\">━ \($0.rawValue)</span>" }.joined(separator: " "))</p></section>
            <section><h2>Actions per week, by pillar</h2>\(weeklyBars)</section>
            <section class="columns"><div><h2>What carries your score now</h2>\(explanationTable)</div>
            <div><h2>Next best actions</h2>\(nextBest)<h2>Today's goals</h2>\(goals)</div></section>
            </body></html>

            """
    }

    static let style = """
        :root{color-scheme:light dark;--fg:#111827;--muted:#4b5563;--bg:#ffffff;--card:#f3f4f6;--grid:#d1d5db}
        @media (prefers-color-scheme:dark){:root{--fg:#e5e7eb;--muted:#9ca3af;--bg:#111827;--card:#1f2937;--grid:#374151}}
        body{font:15px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
        h1{margin:0}h2{font-size:17px;margin:18px 0 8px}header p,.legend,.muted{color:var(--muted)}
        section{background:var(--card);border-radius:10px;padding:12px 16px;margin:14px 0}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:20px}
        table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:2px 6px;border-bottom:1px solid var(--grid)}
        .bar{display:inline-block;height:10px;border-radius:3px;vertical-align:middle}
        svg{width:100%;height:auto}svg text{fill:var(--muted);font-size:11px}svg .grid{stroke:var(--grid);stroke-width:1}
        .total{font-size:40px;font-weight:700}
        @media print{body{max-width:none;padding:0;background:#fff;color:#000}section{break-inside:avoid;background:none;border:1px solid #ccc}}
        """

    var scoreCard: String {
        var rows = ""
        for pillar in Pillar.allCases {
            let value = score.score.value(pillar)
            var linkedIn = ""
            if let snapshot = score.snapshot {
                linkedIn = "<td>\(SnapshotValues.format(snapshot.values.thousandths(pillar)))</td>"
            }
            rows +=
                "<tr><td>\(pillar.title)</td><td>\(Score.format(score.score.hundredths(pillar))) / 25</td>"
                + "<td><span class=\"bar\" style=\"width:\(Int(value * 8))px;background:\(Self.colour(pillar))\"></span></td>\(linkedIn)</tr>"
        }
        let header = score.snapshot.map { "<th>LinkedIn \(Self.escape($0.occurred))</th>" } ?? ""
        let linkedInTotal = score.snapshot.map { " <span class=\"muted\">LinkedIn: \($0.values.total)</span>" } ?? ""
        return """
            <section><h2>Today</h2><p><span class="total">\(Score.format(score.score.totalHundredths))</span> / 100\(linkedInTotal)</p>
            <table><tr><th>pillar</th><th>score</th><th></th>\(header)</tr>\(rows)</table>
            <p class="muted">Active \(today.activeDays) of the last \(today.windowDays) days · streak \(Quantity.text(today.streak, "day"))</p></section>
            """
    }

    /// A line chart of daily values from 0 to `maximum`, with LinkedIn's totals as diamonds.
    func lineChart(maximum: Double, series: [(name: String, colour: String, values: [Double])], markers: Bool) -> String
    {
        let width = 1000.0
        let height = 260.0
        let left = 40.0
        let count = max(1, history.days.count - 1)
        func x(_ index: Int) -> Double { left + (width - left - 10) * Double(index) / Double(count) }
        func y(_ value: Double) -> Double { 10 + (height - 40) * (1 - min(max(value, 0), maximum) / maximum) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        let steps = maximum == 25 ? 5 : 4
        for step in 0...steps {
            let value = maximum * Double(step) / Double(steps)
            svg +=
                "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(value))\" y2=\"\(y(value))\"/>"
                + "<text x=\"4\" y=\"\(y(value) + 4)\">\(Int(value))</text>"
        }
        for (index, day) in history.days.enumerated() where index % max(1, history.days.count / 6) == 0 {
            svg += "<text x=\"\(x(index) - 30)\" y=\"\(height - 8)\">\(day.date)</text>"
        }
        for line in series {
            let points = line.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            svg +=
                "<polyline data-series=\"\(line.name)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"5\" "
                + "stroke-linejoin=\"round\" points=\"\(points)\"/>"
        }
        if markers {
            for (index, day) in history.days.enumerated() {
                guard let snapshot = day.snapshot else { continue }
                let (cx, cy) = (x(index), y(Double(snapshot.values.total)))
                svg +=
                    "<path fill=\"currentColor\" stroke=\"#ffffff\" stroke-width=\"1.5\" "
                    + "d=\"M\(cx) \(cy - 8) L\(cx + 8) \(cy) L\(cx) \(cy + 8) L\(cx - 8) \(cy) Z\">"
                    + "<title>LinkedIn \(snapshot.values.total) on \(day.date)</title></path>"
            }
        }
        return svg + "</svg>"
    }

    /// Stacked bars: actions per ISO week, coloured by pillar.
    var weeklyBars: String {
        var weeks: [(label: String, counts: [Pillar: Int])] = []
        for (index, day) in history.days.enumerated() {
            if index % 7 == 0 { weeks.append((day.date, [:])) }
            for pillar in Pillar.allCases {
                weeks[weeks.count - 1].counts[pillar, default: 0] += day.actions[pillar] ?? 0
            }
        }
        let highest = max(1, weeks.map { $0.counts.values.reduce(0, +) }.max() ?? 1)
        let width = 1000.0
        let height = 200.0
        let slot = (width - 50) / Double(max(1, weeks.count))
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for (index, week) in weeks.enumerated() {
            var top = height - 25
            let x = 45 + slot * Double(index)
            for pillar in Pillar.allCases {
                let count = week.counts[pillar] ?? 0
                guard count > 0 else { continue }
                let barHeight = (height - 45) * Double(count) / Double(highest)
                top -= barHeight
                svg +=
                    "<rect x=\"\(x)\" y=\"\(top)\" width=\"\(slot * 0.7)\" height=\"\(barHeight)\" fill=\"\(Self.colour(pillar))\">"
                    + "<title>\(count) \(pillar.rawValue), week of \(week.label)</title></rect>"
            }
            if index % max(1, weeks.count / 8) == 0 {
                svg += "<text x=\"\(x)\" y=\"\(height - 8)\">\(week.label)</text>"
            }
        }
        svg += "<text x=\"4\" y=\"20\">\(highest)</text>"
        return svg + "</svg>"
    }

    var explanationTable: String {
        var rows = ""
        for pillar in Pillar.allCases {
            for component in (explanation.pillars[pillar]?.components ?? []) where component.pointsHundredths > 0 {
                rows +=
                    "<tr><td style=\"color:\(Self.colour(pillar))\">\(pillar.rawValue)</td><td>\(Self.escape(component.name))</td>"
                    + "<td>\(Score.format(component.pointsHundredths))</td><td class=\"muted\">\(Self.escape(component.detail))</td></tr>"
            }
        }
        return "<table><tr><th>pillar</th><th>component</th><th>points</th><th></th></tr>\(rows)</table>"
    }

    var nextBest: String {
        let items = explanation.nextBestActions.prefix(6).map {
            "<li><b>\(Self.escape($0.action))</b> +\(Score.format($0.gainHundredths)) (\($0.pillar.rawValue))</li>"
        }
        return "<ol>\(items.joined())</ol>"
    }

    var goals: String {
        let items = today.goals.map { goal in
            "<li>\(goal.left == 0 ? "✓" : "·") \(Self.escape(goal.action)) \(goal.done)/\(goal.target)</li>"
        }
        return "<ul>\(items.joined())</ul>"
    }
}
