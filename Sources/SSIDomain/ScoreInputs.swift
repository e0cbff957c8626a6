/// The aggregates the score is computed from. Every field is an integer count or a sorted series,
/// so the same set of events gives the same inputs whatever order they were added or removed in;
/// what the daily cap keeps per day (`CapDay`) only says where to look, and equality leaves it out.
struct ScoreInputs: Sendable {
    /// One event's place in a capped day: which units count is decided in this order.
    struct CapEntry: Sendable, Equatable, Comparable {
        var occurred: Int64
        var seq: UInt64
        var units: Int

        static func < (left: CapEntry, right: CapEntry) -> Bool {
            (left.occurred, left.seq) < (right.occurred, right.seq)
        }
    }

    /// What is kept of a capped action's day instead of its every entry (the entries are the events
    /// that count, so they are gathered from them when needed): its newest entry, exact or (after the
    /// newest was undone) an upper bound, and a seq range that holds every entry.
    struct CapDay: Sendable, Equatable {
        var newestOccurred: Int64
        var newestSeq: UInt64
        var newestIsExact: Bool
        var seqs: ClosedRange<UInt64>

        func isBefore(_ entry: CapEntry) -> Bool { (newestOccurred, newestSeq) < (entry.occurred, entry.seq) }

        /// Whether `entry` is the one kept as the newest, exact or not.
        func isNewest(_ entry: CapEntry) -> Bool { newestOccurred == entry.occurred && newestSeq == entry.seq }

        /// The seq range grown to hold `seq` as well.
        func seqs(holding seq: UInt64) -> ClosedRange<UInt64> {
            min(seqs.lowerBound, seq)...max(seqs.upperBound, seq)
        }
    }

    /// The entries of one capped action and local day among the events that count, their seqs
    /// within a range (any order; the event being added may be among them): what a backdated event
    /// or an undo in a day past its cap re-allocates. The state supplies it from its events.
    typealias DayEntries = (_ action: String, _ day: Int64, _ seqs: ClosedRange<UInt64>) -> [CapEntry]

    struct RateCounts: Sendable, Equatable {
        var hits = 0
        var totalTries = 0
        /// Tries by time, sorted: a delayed denominator needs to know how many are old enough.
        var tryTimes = TryTimes()
        /// The units tried at a time, where they are not 1: almost every try is one action of one unit.
        var tryUnitsOtherThanOne: [Int64: Int] = [:]

        func units(at time: Int64) -> Int { tryUnitsOtherThanOne[time] ?? 1 }

        /// `units` tried at `time`, the newest time so far.
        mutating func appendTry(at time: Int64, units: Int) {
            tryTimes.append(time)
            if units != 1 { tryUnitsOtherThanOne[time] = units }
        }
    }

    var activity: [String: SlotSeries] = [:]
    /// Weighted counts of non-distinct tallies; per-value counts of distinct ones.
    var tallyCounts: [String: Milli] = [:]
    var distinctCounts: [String: [String: Int]] = [:]
    var rates: [String: RateCounts] = [:]
    var activeEvents: [Int64: Int] = [:]
    /// Units and events logged per action and local day, counted or not (what `today` and `history`
    /// report), and what the daily cap keeps of each capped day.
    var days = ActionDayTable()
    /// Each local day's share of the cumulative aggregates, for `history`.
    var dayTallies = DayColumns()
    var dayHits = DayColumns()
    /// Distinct tally values per day: few days have any (a profile section filled in).
    var dayDistinct: [Int64: [String: [String: Int]]] = [:]
    /// An upper bound of the latest `occurred` ever added (an undo does not lower it): while it is
    /// not after an instant, these inputs are exactly the inputs as of that instant.
    var latestOccurred = Int64.min

    mutating func add(
        _ event: ActionEvent, model: ScoreModel, calendar: LocalCalendar, dayEntries: DayEntries
    ) {
        apply(event, sign: 1, model: model, calendar: calendar, dayEntries: dayEntries)
    }

    mutating func remove(
        _ event: ActionEvent, model: ScoreModel, calendar: LocalCalendar, dayEntries: DayEntries
    ) {
        apply(event, sign: -1, model: model, calendar: calendar, dayEntries: dayEntries)
    }

    private mutating func apply(
        _ event: ActionEvent, sign: Int, model: ScoreModel, calendar: LocalCalendar, dayEntries: DayEntries
    ) {
        guard let definition = model.actions[event.action] else { return }
        let day = calendar.day(of: event.occurred)
        if sign > 0 { latestOccurred = max(latestOccurred, event.occurred) }
        days.addEvents(sign, action: event.action, day: day)
        let units = max(0, event.count)
        days.addUnits(sign * units, action: event.action, day: day)
        if definition.milliPoints != 0, definition.dailyCap > 0 {
            updateCappedActivity(
                event, units: units, sign: sign, day: day, definition: definition, dayEntries: dayEntries)
        }
        if let tallyName = definition.tally, let tally = model.tallies[tallyName] {
            if tally.distinctValues != nil {
                if let section = event.section {
                    distinctCounts[tallyName, default: [:]][section, default: 0] += sign
                    if distinctCounts[tallyName]?[section] == 0 { distinctCounts[tallyName]?[section] = nil }
                    var distinct = dayDistinct.removeValue(forKey: day) ?? [:]
                    distinct[tallyName, default: [:]][section, default: 0] += sign
                    if distinct[tallyName]?[section] == 0 { distinct[tallyName]?[section] = nil }
                    if distinct[tallyName]?.isEmpty == true { distinct[tallyName] = nil }
                    if !distinct.isEmpty { dayDistinct[day] = distinct }
                }
            } else {
                let weighted = Milli(sign * units) * tally.milliWeight(tags: event.tags)
                tallyCounts[tallyName, default: 0] += weighted
                dayTallies.add(weighted, name: tallyName, day: day)
            }
        }
        for rateName in model.rateNames {
            let rate = model.rates[rateName]!
            if rate.numerator.contains(event.action) {
                rates[rateName, default: RateCounts()].hits += sign * units
                dayHits.add(Int64(sign * units), name: rateName, day: day)
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
    /// backdated event is judged where it happened, not when it was typed. O(1) for the newest event
    /// of its day, for any event of a day within its cap and for undoing the newest; otherwise the
    /// day's entries are gathered from the events (`dayEntries`) and that day only is re-allocated.
    private mutating func updateCappedActivity(
        _ event: ActionEvent, units: Int, sign: Int, day: Int64, definition: ActionDefinition,
        dayEntries: DayEntries
    ) {
        // An entry without units never counts and takes nothing from the others.
        guard units > 0 else { return }
        let entry = CapEntry(occurred: event.occurred, seq: event.seq, units: units)
        let cap = definition.dailyCap
        // Units of the day's other entries: `days` already holds this change.
        let others = days.unitsLogged(event.action, day: day) - (sign > 0 ? units : 0)
        let known = days.cap(event.action, day: day)
        if sign > 0, known.map({ $0.isBefore(entry) }) ?? true {
            // The newest of its day: the units already counted are min(cap, units before).
            credit(min(units, max(0, cap - others)), of: entry, action: event.action, points: definition.milliPoints)
            let newest = CapDay(
                newestOccurred: entry.occurred, newestSeq: entry.seq, newestIsExact: true,
                seqs: known?.seqs(holding: entry.seq) ?? entry.seq...entry.seq)
            days.setCap(newest, action: event.action, day: day)
            return
        }
        if others + units <= cap {
            // Within the cap, before and after: every unit counts, and no other entry changes.
            credit(sign * units, of: entry, action: event.action, points: definition.milliPoints)
            if var summary = known, others > 0 || sign > 0 {
                summary.seqs = summary.seqs(holding: entry.seq)
                if sign < 0, summary.isNewest(entry) { summary.newestIsExact = false }
                days.setCap(summary, action: event.action, day: day)
            } else {
                days.setCap(nil, action: event.action, day: day)
            }
            return
        }
        if sign < 0, var summary = known, summary.newestIsExact, summary.isNewest(entry) {
            // The newest undone: it had what the others left, and they keep theirs.
            credit(-min(units, max(0, cap - others)), of: entry, action: event.action, points: definition.milliPoints)
            summary.newestIsExact = false
            days.setCap(others == 0 ? nil : summary, action: event.action, day: day)
            return
        }
        let range = known?.seqs(holding: entry.seq) ?? entry.seq...entry.seq
        let rest = dayEntries(event.action, day, range).filter { $0.seq != entry.seq }.sorted()
        var with = rest
        with.insert(entry, at: with.firstIndex { entry < $0 } ?? with.count)
        let (before, after) = sign > 0 ? (rest, with) : (with, rest)
        var change: [UInt64: (entry: CapEntry, units: Int)] = [:]
        for (entry, units) in Self.allocate(before, cap: cap) { change[entry.seq, default: (entry, 0)].units -= units }
        for (entry, units) in Self.allocate(after, cap: cap) { change[entry.seq, default: (entry, 0)].units += units }
        for (_, item) in change.sorted(by: { $0.key < $1.key }) where item.units != 0 {
            credit(item.units, of: item.entry, action: event.action, points: definition.milliPoints)
        }
        if let newest = after.last {
            let seqs = after.map(\.seq)
            let summary = CapDay(
                newestOccurred: newest.occurred, newestSeq: newest.seq, newestIsExact: true,
                seqs: seqs.min()!...seqs.max()!)
            days.setCap(summary, action: event.action, day: day)
        } else {
            days.setCap(nil, action: event.action, day: day)
        }
    }

    private mutating func credit(_ units: Int, of entry: CapEntry, action: String, points: Milli) {
        guard units != 0 else { return }
        activity[action, default: SlotSeries()].add(Milli(units) * points, at: entry.occurred)
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
        let low = counts.tryTimes.firstPosition { $0 >= occurred }
        if low < counts.tryTimes.count, counts.tryTimes[low] == occurred {
            let left = counts.units(at: occurred) + sign * units
            if left == 0 { counts.tryTimes.remove(at: low) }
            counts.tryUnitsOtherThanOne[occurred] = left == 0 || left == 1 ? nil : left
        } else if sign > 0 {
            counts.tryTimes.insert(occurred, at: low)
            if units != 1 { counts.tryUnitsOtherThanOne[occurred] = units }
        }
    }

    /// Tries that happened at least `delay` before `now`: all of them but the young ones, found by a
    /// search (one unit each) and the few of more than one unit. `history` asks once per day it
    /// walks back over, so this must not walk the tries.
    func matureTries(_ rateName: String, at now: Int64, delay: Int64) -> Int {
        guard let counts = rates[rateName] else { return 0 }
        let boundary = now - delay
        var young = counts.tryTimes.count - counts.tryTimes.firstPosition { $0 > boundary }
        for (time, units) in counts.tryUnitsOtherThanOne where time > boundary { young += units - 1 }
        return counts.totalTries - young
    }

    /// What one local day added to the tallies, distinct values and rate hits.
    func totals(onDay day: Int64) -> DayTotals {
        DayTotals(
            tallies: dayTallies.amounts(onDay: day), distinct: dayDistinct[day] ?? [:],
            hits: dayHits.amounts(onDay: day).mapValues { Int($0) })
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
        days.unitsLogged(action, day: day)
    }
}

extension ScoreInputs: Equatable {
    /// Every aggregate; `days` leaves out what the cap keeps per day, which depends on the order
    /// events came in (an upper bound after an undo, a seq range that only grows).
    static func == (left: ScoreInputs, right: ScoreInputs) -> Bool {
        left.activity == right.activity && left.tallyCounts == right.tallyCounts
            && left.distinctCounts == right.distinctCounts && left.rates == right.rates
            && left.activeEvents == right.activeEvents && left.days == right.days
            && left.dayTallies == right.dayTallies
            && left.dayHits == right.dayHits && left.dayDistinct == right.dayDistinct
            && left.latestOccurred == right.latestOccurred
    }
}
