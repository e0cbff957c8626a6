extension ScoreState {
    /// The closing score of each of the last `days` local days, today's taken at `now`, by replaying
    /// the events that count in the order they happened.
    public func history(days: Int, now: Int64) -> [DailyScore] {
        guard days > 0 else { return [] }
        let today = calendar.day(of: now)
        let ordered = events.values.sorted { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }
        var replay = ScoreInputs()
        var next = 0
        var result: [DailyScore] = []
        result.reserveCapacity(days)
        for day in (today - Int64(days) + 1)...today {
            let at = min(now, calendar.end(ofDay: day))
            while next < ordered.count, ordered[next].occurred <= at {
                replay.add(ordered[next], model: model, calendar: calendar)
                next += 1
            }
            result.append(DailyScore(day: day, at: at, score: Self.score(of: breakdown(replay, at: at))))
        }
        return result
    }
}
