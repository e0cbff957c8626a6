/// Per action and local day: the units and the events logged and, for a capped action, what the cap
/// keeps of the day (`ScoreInputs.CapDay`). Each action's days are dense over the span it was used
/// in (`DaySpan`): 8 bytes per day for units, 8 for events and 40 for a capped day, rather than a
/// hash table entry (keyed by the action's name and the day, most buckets empty) for each.
struct ActionDayTable: Sendable {
    private(set) var units = DayColumns()
    private(set) var events = DayColumns()
    private var caps: [String: DaySpan<ScoreInputs.CapDay?>] = [:]

    init(units: DayColumns = DayColumns(), events: DayColumns = DayColumns()) {
        self.units = units
        self.events = events
    }

    func unitsLogged(_ action: String, day: Int64) -> Int { Int(units.value(action, day: day)) }

    mutating func addUnits(_ change: Int, action: String, day: Int64) {
        units.add(Int64(change), name: action, day: day)
    }

    mutating func addEvents(_ change: Int, action: String, day: Int64) {
        events.add(Int64(change), name: action, day: day)
    }

    /// The events logged on a day, by action (those with none left out).
    func eventCounts(onDay day: Int64) -> [String: Int] { events.amounts(onDay: day).mapValues { Int($0) } }

    func cap(_ action: String, day: Int64) -> ScoreInputs.CapDay? { caps[action]?[day] ?? nil }

    mutating func setCap(_ cap: ScoreInputs.CapDay?, action: String, day: Int64) {
        guard cap != nil || self.cap(action, day: day) != nil else { return }
        caps[action, default: DaySpan(empty: nil)].update(day) { $0 = cap }
    }

    /// Every capped day kept, by action name, then day.
    var capEntries: [(action: String, day: Int64, cap: ScoreInputs.CapDay)] {
        caps.keys.sorted().flatMap { action in
            caps[action]!.days.compactMap { day, cap in cap.map { (action, day, $0) } }
        }
    }
}

extension ActionDayTable: Equatable {
    /// The same units and events on the same days: how far each action's span reaches, and the caps
    /// (which depend on the order events came in), do not count.
    static func == (left: ActionDayTable, right: ActionDayTable) -> Bool {
        left.units == right.units && left.events == right.events
    }
}
