extension ScoreState {
    /// The score at `activity.now`, without the explanation's words: the same walk and sums as
    /// `breakdown(at:)`. `activity` keeps the actions' decayed points for the next score at the same
    /// instant (a committed batch takes one before and after each entry).
    public func score(reusing activity: inout DecayedActivity) -> Score {
        var raw: [Pillar: Double] = [:]
        eachComponent(inputs, activity: &activity) { pillar, _, _, points, _ in raw[pillar, default: 0] += points }
        var values: [Pillar: Double] = [:]
        for pillar in Pillar.allCases { values[pillar] = model.pillarScore(pillar, raw: raw[pillar] ?? 0) }
        return Score(pillarValues: values)
    }
}
