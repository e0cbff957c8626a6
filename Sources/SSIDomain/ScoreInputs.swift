/// The aggregates the score is computed from. Every field is an integer count or a sorted series,
/// so the same set of events gives the same inputs whatever order they were added or removed in.
struct ScoreInputs: Sendable, Equatable {
    struct CapKey: Hashable, Sendable {
        var action: String
        var day: Int64
    }

    struct CapEntry: Sendable, Equatable {
        var occurred: Int64
        var seq: UInt64
        var units: Int
    }

    struct RateCounts: Sendable, Equatable {
        var hits = 0
        var totalTries = 0
        /// Tries by time, sorted: a delayed denominator needs to know how many are old enough.
        var tryTimes: [Int64] = []
        var tryUnits: [Int] = []
    }

    var activity: [String: SlotSeries] = [:]
    var capEntries: [CapKey: [CapEntry]] = [:]
    /// Weighted counts of non-distinct tallies; per-value counts of distinct ones.
    var tallyCounts: [String: Milli] = [:]
    var distinctCounts: [String: [String: Int]] = [:]
    var rates: [String: RateCounts] = [:]
    var activeEvents: [Int64: Int] = [:]
    /// Units logged per action and local day, counted or not: what `today` reports.
    var dailyUnits: [CapKey: Int] = [:]
    /// Each local day's share of the cumulative aggregates, for `history`.
    var daily: [Int64: DayTotals] = [:]
    /// An upper bound of the latest `occurred` ever added (an undo does not lower it): while it is
    /// not after an instant, these inputs are exactly the inputs as of that instant.
    var latestOccurred = Int64.min

    mutating func add(_ event: ActionEvent, model: ScoreModel, calendar: LocalCalendar) {
        apply(event, sign: 1, model: model, calendar: calendar)
    }

    mutating func remove(_ event: ActionEvent, model: ScoreModel, calendar: LocalCalendar) {
        apply(event, sign: -1, model: model, calendar: calendar)
    }

    private mutating func apply(_ event: ActionEvent, sign: Int, model: ScoreModel, calendar: LocalCalendar) {
        guard let definition = model.actions[event.action] else { return }
        let day = calendar.day(of: event.occurred)
        if sign > 0 { latestOccurred = max(latestOccurred, event.occurred) }
        var totals = daily.removeValue(forKey: day) ?? DayTotals()
        defer { if !totals.isEmpty { daily[day] = totals } }
        totals.events[event.action, default: 0] += sign
        if totals.events[event.action] == 0 { totals.events[event.action] = nil }
        let units = max(0, event.count)
        let dayKey = CapKey(action: event.action, day: day)
        dailyUnits[dayKey, default: 0] += sign * units
        if dailyUnits[dayKey] == 0 { dailyUnits[dayKey] = nil }
        if definition.milliPoints != 0, definition.dailyCap > 0 {
            updateCappedActivity(event, units: units, sign: sign, day: day, definition: definition)
        }
        if let tallyName = definition.tally, let tally = model.tallies[tallyName] {
            if tally.distinctValues != nil {
                if let section = event.section {
                    distinctCounts[tallyName, default: [:]][section, default: 0] += sign
                    if distinctCounts[tallyName]?[section] == 0 { distinctCounts[tallyName]?[section] = nil }
                    totals.distinct[tallyName, default: [:]][section, default: 0] += sign
                    if totals.distinct[tallyName]?[section] == 0 { totals.distinct[tallyName]?[section] = nil }
                    if totals.distinct[tallyName]?.isEmpty == true { totals.distinct[tallyName] = nil }
                }
            } else {
                let weighted = Milli(sign * units) * tally.milliWeight(tags: event.tags)
                tallyCounts[tallyName, default: 0] += weighted
                totals.tallies[tallyName, default: 0] += weighted
                if totals.tallies[tallyName] == 0 { totals.tallies[tallyName] = nil }
            }
        }
        for rateName in model.rateNames {
            let rate = model.rates[rateName]!
            if rate.numerator.contains(event.action) {
                rates[rateName, default: RateCounts()].hits += sign * units
                totals.hits[rateName, default: 0] += sign * units
                if totals.hits[rateName] == 0 { totals.hits[rateName] = nil }
            }
            if rate.denominator.contains(event.action) {
                updateTries(rateName, at: event.occurred, units: units, sign: sign)
            }
        }
        if definition.countsAsActive {
            activeEvents[day, default: 0] += sign
            if activeEvents[day] == 0 { activeEvents[day] = nil }
        }
    }

    /// Units beyond the daily cap earn nothing; which units count is decided in time order, so a
    /// backdated event is judged where it happened, not when it was typed. Appending the newest
    /// event of its day is O(1); a backdated insert or a removal re-allocates that day only.
    private mutating func updateCappedActivity(
        _ event: ActionEvent, units: Int, sign: Int, day: Int64, definition: ActionDefinition
    ) {
        let key = CapKey(action: event.action, day: day)
        let entry = CapEntry(occurred: event.occurred, seq: event.seq, units: units)
        let cap = definition.dailyCap
        if sign > 0, (capEntries[key]?.last).map({ ($0.occurred, $0.seq) < (entry.occurred, entry.seq) }) ?? true {
            // Greedy allocation in time order: the units already counted are min(cap, units before).
            let before = (dailyUnits[key] ?? 0) - units
            let counted = min(units, max(0, cap - before))
            capEntries[key, default: []].append(entry)
            if counted > 0 {
                activity[event.action, default: SlotSeries()].add(
                    Milli(counted) * definition.milliPoints, at: entry.occurred)
            }
            return
        }
        var entries = capEntries.removeValue(forKey: key) ?? []
        let before = Self.allocate(entries, cap: cap)
        if sign > 0 {
            let index =
                entries.firstIndex(where: { ($0.occurred, $0.seq) > (entry.occurred, entry.seq) }) ?? entries.count
            entries.insert(entry, at: index)
        } else if let index = entries.firstIndex(of: entry) {
            entries.remove(at: index)
        }
        let after = Self.allocate(entries, cap: cap)
        var counted: [CapEntry: Int] = [:]
        for (entry, units) in before { counted[entry, default: 0] -= units }
        for (entry, units) in after { counted[entry, default: 0] += units }
        for (entry, change) in counted where change != 0 {
            activity[event.action, default: SlotSeries()].add(
                Milli(change) * definition.milliPoints, at: entry.occurred)
        }
        if !entries.isEmpty { capEntries[key] = entries }
    }

    static func allocate(_ entries: [CapEntry], cap: Int) -> [(CapEntry, Int)] {
        var left = cap
        return entries.map { entry in
            let counted = min(left, entry.units)
            left -= counted
            return (entry, counted)
        }
    }

    private mutating func updateTries(_ rateName: String, at occurred: Int64, units: Int, sign: Int) {
        Self.updateTries(&rates[rateName, default: RateCounts()], at: occurred, units: units, sign: sign)
    }

    /// In place: the tries arrays grow with the journal and must not be copied per event.
    private static func updateTries(_ counts: inout RateCounts, at occurred: Int64, units: Int, sign: Int) {
        counts.totalTries += sign * units
        var low = 0
        var high = counts.tryTimes.count
        while low < high {
            let mid = (low + high) / 2
            if counts.tryTimes[mid] < occurred { low = mid + 1 } else { high = mid }
        }
        if low < counts.tryTimes.count, counts.tryTimes[low] == occurred {
            counts.tryUnits[low] += sign * units
            if counts.tryUnits[low] == 0 {
                counts.tryTimes.remove(at: low)
                counts.tryUnits.remove(at: low)
            }
        } else if sign > 0 {
            counts.tryTimes.insert(occurred, at: low)
            counts.tryUnits.insert(units, at: low)
        }
    }

    /// Tries that happened at least `delay` before `now`.
    func matureTries(_ rateName: String, at now: Int64, delay: Int64) -> Int {
        guard let counts = rates[rateName] else { return 0 }
        var young = 0
        var index = counts.tryTimes.count - 1
        while index >= 0, counts.tryTimes[index] > now - delay {
            young += counts.tryUnits[index]
            index -= 1
        }
        return counts.totalTries - young
    }

    /// Takes a day's totals off the cumulative aggregates: the inputs as they stood before that day.
    mutating func subtract(_ totals: DayTotals) {
        for (name, amount) in totals.tallies { tallyCounts[name, default: 0] -= amount }
        for (name, values) in totals.distinct {
            for (value, count) in values {
                distinctCounts[name, default: [:]][value, default: 0] -= count
                if distinctCounts[name]?[value] == 0 { distinctCounts[name]?[value] = nil }
            }
        }
        for (name, count) in totals.hits { rates[name, default: RateCounts()].hits -= count }
    }

    func unitsLogged(_ action: String, day: Int64) -> Int {
        dailyUnits[CapKey(action: action, day: day)] ?? 0
    }
}

extension ScoreInputs.CapEntry: Hashable {}
