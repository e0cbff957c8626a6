/// What one local day added to the cumulative aggregates (tallies, distinct values, rate hits) and
/// how many events of each action it holds: `history` walks back from today's totals by taking
/// these off, a day at a time, instead of replaying events.
struct DayTotals: Sendable, Equatable {
    var tallies: [String: Milli] = [:]
    var distinct: [String: [String: Int]] = [:]
    var hits: [String: Int] = [:]
    var events: [String: Int] = [:]

    var isEmpty: Bool { tallies.isEmpty && distinct.isEmpty && hits.isEmpty && events.isEmpty }
}
