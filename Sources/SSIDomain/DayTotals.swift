/// What one local day added to the cumulative aggregates (tallies, distinct values, rate hits):
/// `history` walks back from today's totals by taking these off, a day at a time, instead of
/// replaying events. Made when asked for (`ScoreInputs.totals(onDay:)`) from the per-day columns.
struct DayTotals: Sendable, Equatable {
    var tallies: [String: Milli] = [:]
    var distinct: [String: [String: Int]] = [:]
    var hits: [String: Int] = [:]
}
