extension ScoreState {
    /// The closing score of each of the last `days` local days, today's taken at `now`. Walks back
    /// from today's aggregates, taking each day's totals off in turn: the cost grows with the days
    /// asked for, not with the events in the journal. Activity needs no walking back: a series'
    /// decayed points at an instant only count the slots up to it, and which units count under a
    /// daily cap is decided in time order, so later events never change an earlier day's.
    public func history(days: Int, now: Int64) -> [DailyScore] {
        guard days > 0 else { return [] }
        // An event after `now` (a clock set back) would count in today's slot: the replay is exact.
        guard inputs.latestOccurred <= now else { return replayedHistory(days: days, now: now) }
        let today = calendar.day(of: now)
        var asOf = inputs
        var result: [DailyScore] = []
        result.reserveCapacity(days)
        for day in stride(from: today, through: today - Int64(days) + 1, by: -1) {
            let at = min(now, calendar.end(ofDay: day))
            result.append(DailyScore(day: day, at: at, score: Self.score(of: breakdown(asOf, at: at))))
            asOf.subtract(inputs.totals(onDay: day))
        }
        return result.reversed()
    }

    /// The same figures by replaying every event that counts in the order they happened: the
    /// reference `history` is tested against, and its path when an event lies after `now`.
    public func replayedHistory(days: Int, now: Int64) -> [DailyScore] {
        guard days > 0 else { return [] }
        let today = calendar.day(of: now)
        let dayList = Array((today - Int64(days) + 1)...today)
        let instants = dayList.map { min(now, calendar.end(ofDay: $0)) }
        return zip(zip(dayList, instants), breakdowns(asOf: instants)).map { day, pillars in
            DailyScore(day: day.0, at: day.1, score: Self.score(of: pillars))
        }
    }

    /// Events logged on a local day (undone ones left out), by action.
    public func actionCounts(onDay day: Int64) -> [String: Int] {
        inputs.days.eventCounts(onDay: day)
    }

    /// Events that count, by action (undone ones left out), over every day: from the day table, in
    /// the days' time, not the events'.
    public func actionCounts() -> [String: Int] {
        inputs.days.events.totals.compactMapValues { $0 == 0 ? nil : Int($0) }
    }
}
