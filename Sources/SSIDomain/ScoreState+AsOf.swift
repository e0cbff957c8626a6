extension ScoreState {
    /// Each pillar's breakdown as it stood at each instant: only the events that had happened by then
    /// count (the state's own `breakdown(at:)` counts every event, which is right for now and for the
    /// future only). `instants` must ascend; one ordered replay serves them all, as `history` does.
    public func breakdowns(asOf instants: [Int64]) -> [[PillarBreakdown]] {
        // Once every event had happened, the replay would build the state's own inputs (as
        // `history` takes today): a snapshot taken now costs one breakdown, not a replay of years.
        if let first = instants.min(), first >= inputs.latestOccurred {
            return instants.map { breakdown(inputs, at: $0) }
        }
        return replayedBreakdowns(asOf: instants)
    }

    /// The same by replaying, in the order they happened, the events that had happened by the last
    /// instant (ascending instants): the reference the shortcut is tested against.
    func replayedBreakdowns(asOf instants: [Int64]) -> [[PillarBreakdown]] {
        let last = instants.max() ?? .min
        // Times and seqs, not events: a million events sort as 16 MB, and each is made when replayed.
        let ordered = events.timesAndSeqs().filter { $0.occurred <= last }.sorted {
            ($0.occurred, $0.seq) < ($1.occurred, $1.seq)
        }
        var replay = ScoreInputs()
        var next = 0
        return instants.map { at in
            while next < ordered.count, ordered[next].occurred <= at {
                // In time order every event is the newest of its day: no day is gathered again.
                let added = ordered[..<next]
                replay.add(events[seq: ordered[next].seq]!, model: model, calendar: calendar) { action, day, seqs in
                    added.compactMap { key in
                        guard seqs.contains(key.seq), let event = events[seq: key.seq], event.action == action,
                            event.count > 0, calendar.day(of: event.occurred) == day
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
