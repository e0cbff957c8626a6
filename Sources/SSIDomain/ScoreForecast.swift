/// A pillar that will cross a round level (a multiple of 5) within a few days if nothing is logged:
/// "engage will fall below 15 in 3 days without activity".
public struct ScoreForecast: Sendable, Equatable {
    public var pillar: Pillar
    public var currentHundredths: Int
    public var predictedHundredths: Int
    /// The level it falls below, in hundredths (1500 for 15).
    public var levelHundredths: Int
    public var days: Int
}

extension ScoreState {
    /// The pillars that fall below the next multiple of 5 under them within `days`, with no new
    /// events; the one that falls furthest first.
    public func forecast(at now: Int64, days: Int) -> [ScoreForecast] {
        let current = score(at: now)
        let future = score(at: now + Int64(days) * 86_400)
        return Pillar.allCases.compactMap { pillar -> ScoreForecast? in
            let level = current.hundredths(pillar) / 500 * 500
            guard level > 0, future.hundredths(pillar) < level else { return nil }
            return ScoreForecast(
                pillar: pillar, currentHundredths: current.hundredths(pillar),
                predictedHundredths: future.hundredths(pillar), levelHundredths: level, days: days)
        }.sorted { $0.currentHundredths - $0.predictedHundredths > $1.currentHundredths - $1.predictedHundredths }
    }
}
