extension ScoreState {
    /// The score at `activity.now`, without the explanation's components. Each pillar's raw points are
    /// summed in the order `breakdown(at:)` sums them, so both give the same score to the last bit;
    /// `activity` keeps the actions' decayed points for the next score at the same instant.
    public func score(reusing activity: inout DecayedActivity) -> Score {
        let now = activity.now
        var raw: [Pillar: Double] = [:]
        for name in model.actionNames {
            guard let series = inputs.activity[name], let definition = model.actions[name] else { continue }
            let points: Double
            if let known = activity.points[name] {
                points = known
            } else {
                points = series.decayedPoints(at: now, model: model)
                activity.points[name] = points
            }
            if points > 0 { raw[definition.pillar, default: 0] += points }
        }
        for name in model.tallyNames {
            let tally = model.tallies[name]!
            if tally.distinctValues != nil {
                raw[tally.pillar, default: 0] += tally.points * Double(inputs.distinctCounts[name]?.count ?? 0)
            } else {
                raw[tally.pillar, default: 0] += tally.points(forWeightedCount: inputs.tallyCounts[name] ?? 0)
            }
        }
        for name in model.rateNames {
            let rate = model.rates[name]!
            let tries = inputs.matureTries(name, at: now, delay: rate.delaySeconds)
            raw[rate.pillar, default: 0] += rate.points * rate.rate(hits: inputs.rates[name]?.hits ?? 0, tries: tries)
        }
        raw[model.activeDays.pillar, default: 0] +=
            Double(activeDays(inputs, at: now)) * model.activeDays.pointsPerDay
        var values: [Pillar: Double] = [:]
        for pillar in Pillar.allCases { values[pillar] = model.pillarScore(pillar, raw: raw[pillar] ?? 0) }
        return Score(pillarValues: values)
    }
}
