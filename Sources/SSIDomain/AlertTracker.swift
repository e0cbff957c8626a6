/// Decides when a falling score deserves a warning. Pure: the daemon feeds it the score each time
/// it re-evaluates (after events, on a timer, at start) and writes what it returns to the journal.
///
/// An alert fires when the total, or a pillar, is at least `threshold` below its highest value
/// since its last alert; at most one entry per evaluation (the total when it fell, else the pillar
/// that fell most), at most one per key per `minIntervalSeconds`, none in quiet hours or while
/// paused. Alerts compare the present with peaks seen at earlier evaluations only, so a backdated
/// entry can never produce a warning about a moment in the past.
public struct AlertTracker: Sendable, Equatable {
    public static let keys = ["total"] + Pillar.allCases.map(\.rawValue)

    public private(set) var peaks: [String: Int] = [:]
    public private(set) var lastAlerts: [String: Int64] = [:]
    public var settings: AlertSettings

    public init(settings: AlertSettings, initial: Score?) {
        self.settings = settings
        if let initial { for key in Self.keys { peaks[key] = Self.value(of: key, in: initial) } }
    }

    static func value(of key: String, in score: Score) -> Int {
        key == "total" ? score.totalHundredths : Pillar(rawValue: key).map { score.hundredths($0) } ?? 0
    }

    /// Feeds one evaluation. `quiet` is whether the local time is in quiet hours; `paused`
    /// whether the user silenced alerts (`ssi-log pause`); `acknowledge` marks a drop the user
    /// caused knowingly (a backdated entry): the peaks follow it without a warning.
    public mutating func observe(
        _ score: Score, at now: Int64, quiet: Bool, paused: Bool, acknowledge: Bool = false
    ) -> ScoreAlert? {
        let threshold = Int((settings.threshold * 100).rounded())
        var fallen: [(key: String, drop: Int)] = []
        for key in Self.keys {
            let value = Self.value(of: key, in: score)
            let peak = max(peaks[key] ?? value, value)
            peaks[key] = peak
            if paused || acknowledge {
                peaks[key] = value
                continue
            }
            if peak - value >= threshold { fallen.append((key, peak - value)) }
        }
        guard !quiet, !fallen.isEmpty else { return nil }
        let chosen = fallen.first { $0.key == "total" } ?? fallen.max { $0.drop < $1.drop }!
        if let last = lastAlerts[chosen.key], now - last < settings.minIntervalSeconds { return nil }
        let pillars = fallen.filter { $0.key != "total" }
        let alert = ScoreAlert(
            key: chosen.key, previousHundredths: peaks[chosen.key]!,
            currentHundredths: Self.value(of: chosen.key, in: score),
            mainPillar: pillars.max { $0.drop < $1.drop }.flatMap { Pillar(rawValue: $0.key) }, at: now)
        // This warning covers every key that fell with it: their peaks restart from here.
        for item in fallen {
            peaks[item.key] = Self.value(of: item.key, in: score)
            lastAlerts[item.key] = now
        }
        return alert
    }
}
