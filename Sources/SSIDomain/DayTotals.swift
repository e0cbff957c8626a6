/// What one local day added to the cumulative aggregates (tallies, distinct values, rate hits):
/// `history` walks back from today's totals by taking these off, a day at a time, instead of
/// replaying events. The events of each action per day are counted in `ActionDayTable`.
struct DayTotals: Sendable, Equatable {
    var tallies: [String: Milli] = [:]
    var distinct: [String: [String: Int]] = [:]
    var hits: [String: Int] = [:]

    var isEmpty: Bool { tallies.isEmpty && distinct.isEmpty && hits.isEmpty }
}
