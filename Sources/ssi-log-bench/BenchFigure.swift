import Foundation

/// One row of the table: a figure, its baseline from the same run, and the target on their ratio.
struct BenchFigure {
    enum Target {
        /// The figure divided by the baseline must be at most this.
        case atMost(Double)
        /// The figure divided by the baseline must be at least this.
        case atLeast(Double)
        /// Only the figure's own bound applies; the baseline is shown for scale.
        case none
    }

    var name: String
    var value: Double
    var unit: String
    var baseline: Double
    var baselineName: String
    var target: Target
    /// A bound on the figure itself (seconds, MiB), beside the ratio's.
    var absoluteLimit: Double?

    var ratio: Double { value / baseline }

    /// Whether the row holds a target; a row without one is shown for scale and never fails.
    var isTarget: Bool {
        if case .none = target { return absoluteLimit != nil }
        return true
    }

    var passes: Bool {
        let ratioHolds =
            switch target {
            case .atMost(let limit): ratio <= limit
            case .atLeast(let limit): ratio >= limit
            case .none: true
            }
        return ratioHolds && absoluteLimit.map { value <= $0 } ?? true
    }

    var targetText: String {
        var text =
            switch target {
            case .atMost(let limit): String(format: "<= %.2fx", limit)
            case .atLeast(let limit): String(format: ">= %.2fx", limit)
            case .none: ""
            }
        if let absoluteLimit { text += (text.isEmpty ? "<= " : " and <= ") + Self.format(absoluteLimit, unit) }
        return text
    }

    static func format(_ value: Double, _ unit: String) -> String {
        switch unit {
        case "s" where value < 1: String(format: "%.1f ms", value * 1000)
        case "s": String(format: "%.2f s", value)
        case "MiB": String(format: "%.1f MiB", value)
        case "/s": String(format: "%.0f/s", value)
        default: String(format: "%.3g %@", value, unit)
        }
    }

    /// A markdown table row, so the output can go into docs as it is.
    var row: String {
        "| \(name) | \(Self.format(value, unit)) | \(baselineName): \(Self.format(baseline, unit)) | "
            + String(format: "%.2fx", ratio) + " | \(isTarget ? targetText : "none (for scale)") | "
            + (isTarget ? (passes ? "PASS" : "FAIL") : "–") + " |"
    }
}
