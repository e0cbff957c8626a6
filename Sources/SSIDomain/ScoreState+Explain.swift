extension ScoreState {
    /// The score at `now` with its components, the actions that carry most of it, and what one more
    /// of each action would add right now.
    public func explain(at now: Int64) -> ScoreExplanation {
        let pillars = breakdown(inputs, at: now)
        let score = Self.score(of: pillars)
        let top = pillars.flatMap(\.components).filter { $0.kind == .activity }
            .map { (action: $0.name, points: $0.raw) }
            .sorted { $0.points != $1.points ? $0.points > $1.points : $0.action < $1.action }
        return ScoreExplanation(
            at: now, score: score, pillars: pillars, topActions: Array(top.prefix(5)),
            nextBestActions: nextBestActions(at: now, current: pillars))
    }

    /// For each action in the catalog, the gain one more of it would bring now, best first.
    public func nextBestActions(at now: Int64) -> [NextBestAction] {
        nextBestActions(at: now, current: breakdown(inputs, at: now))
    }

    func nextBestActions(at now: Int64, current: [PillarBreakdown]) -> [NextBestAction] {
        let before = Dictionary(uniqueKeysWithValues: current.map { ($0.pillar, $0.score) })
        let beforeHundredths = Self.score(of: current).totalHundredths
        var result: [NextBestAction] = []
        for name in model.actionNames {
            let definition = model.actions[name]!
            var section: String?
            if let tally = definition.tally.flatMap({ model.tallies[$0] }), let values = tally.distinctValues {
                let done = inputs.distinctCounts[tally.name] ?? [:]
                guard let missing = values.first(where: { done[$0] == nil }) else { continue }
                section = missing
            }
            let probe = ActionEvent(
                id: "", seq: UInt64.max, action: name, occurred: now, recorded: now, section: section)
            var what = inputs
            what.add(probe, model: model, calendar: calendar) {
                events.capEntries($0, day: $1, seqs: $2, calendar: calendar)
            }
            let after = breakdown(what, at: now)
            let gain = after.reduce(0.0) { $0 + $1.score - (before[$1.pillar] ?? 0) }
            let gainHundredths = Self.score(of: after).totalHundredths - beforeHundredths
            result.append(
                NextBestAction(action: name, pillar: definition.pillar, gainHundredths: gainHundredths, gain: gain))
        }
        return result.sorted { $0.gain != $1.gain ? $0.gain > $1.gain : $0.action < $1.action }
    }
}
