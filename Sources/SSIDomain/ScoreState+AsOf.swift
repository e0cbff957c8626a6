extension ScoreState {
    /// Each pillar's breakdown as it stood at each instant: only the events that had happened by then
    /// count (the state's own `breakdown(at:)` counts every event, which is right for now and for the
    /// future only). `instants` must ascend; one ordered replay serves them all, as `history` does.
    public func breakdowns(asOf instants: [Int64]) -> [[PillarBreakdown]] {
        let ordered = events.values.sorted { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }
        var replay = ScoreInputs()
        var next = 0
        return instants.map { at in
            while next < ordered.count, ordered[next].occurred <= at {
                // In time order every event is the newest of its day: no day is gathered again.
                let added = ordered[..<next]
                replay.add(ordered[next], model: model, calendar: calendar) { action, day, seqs in
                    added.compactMap { event in
                        guard event.action == action, seqs.contains(event.seq), event.count > 0,
                            calendar.day(of: event.occurred) == day
                        else { return nil }
                        return ScoreInputs.CapEntry(occurred: event.occurred, seq: event.seq, units: event.count)
                    }
                }
                next += 1
            }
            return breakdown(replay, at: at)
        }
    }

    /// The score as it stood at an instant, from the events that had happened by then.
    public func score(asOf instant: Int64) -> Score {
        Self.score(of: breakdowns(asOf: [instant])[0])
    }
}
