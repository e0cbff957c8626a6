/// Per action and local day: the units and the events logged and, for a capped action, what the cap
/// keeps of the day (`ScoreInputs.CapDay`). Each action's days are dense over the span it was used
/// in: 16 bytes per day for units and events and 40 for a capped day, rather than a hash table
/// entry (keyed by the action's name and the day, most buckets empty) for each.
struct ActionDayTable: Sendable {
    private struct Days: Sendable {
        var first: Int64 = 0
        var units: [Int] = []
        /// As long as `units`.
        var events: [Int] = []
        /// Empty until a capped day is set, then as long as `units`.
        var caps: [ScoreInputs.CapDay?] = []

        func index(of day: Int64) -> Int? {
            guard !units.isEmpty, day >= first, day - first < Int64(units.count) else { return nil }
            return Int(day - first)
        }

        /// The index of `day`, the span grown to hold it.
        mutating func place(_ day: Int64) -> Int {
            if units.isEmpty {
                first = day
                units = [0]
                events = [0]
                return 0
            }
            if day < first {
                let added = Int(first - day)
                units.insert(contentsOf: repeatElement(0, count: added), at: 0)
                events.insert(contentsOf: repeatElement(0, count: added), at: 0)
                if !caps.isEmpty { caps.insert(contentsOf: repeatElement(nil, count: added), at: 0) }
                first = day
                return 0
            }
            let index = Int(day - first)
            if index >= units.count {
                units.append(contentsOf: repeatElement(0, count: index - units.count + 1))
                events.append(contentsOf: repeatElement(0, count: index - events.count + 1))
            }
            return index
        }
    }

    private var actions: [String: Days] = [:]

    func units(_ action: String, day: Int64) -> Int {
        guard let days = actions[action], let index = days.index(of: day) else { return 0 }
        return days.units[index]
    }

    mutating func addUnits(_ change: Int, action: String, day: Int64) {
        guard change != 0 else { return }
        let index = actions[action, default: Days()].place(day)
        actions[action]!.units[index] += change
    }

    func events(_ action: String, day: Int64) -> Int {
        guard let days = actions[action], let index = days.index(of: day) else { return 0 }
        return days.events[index]
    }

    mutating func addEvents(_ change: Int, action: String, day: Int64) {
        guard change != 0 else { return }
        let index = actions[action, default: Days()].place(day)
        actions[action]!.events[index] += change
    }

    /// The events logged on a day, by action (those with none left out).
    func eventCounts(onDay day: Int64) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (action, days) in actions {
            if let index = days.index(of: day), days.events[index] != 0 { counts[action] = days.events[index] }
        }
        return counts
    }

    func cap(_ action: String, day: Int64) -> ScoreInputs.CapDay? {
        guard let days = actions[action], let index = days.index(of: day), index < days.caps.count else { return nil }
        return days.caps[index]
    }

    mutating func setCap(_ cap: ScoreInputs.CapDay?, action: String, day: Int64) {
        guard cap != nil || self.cap(action, day: day) != nil else { return }
        let index = actions[action, default: Days()].place(day)
        let count = actions[action]!.units.count
        if actions[action]!.caps.count < count {
            actions[action]!.caps.append(contentsOf: repeatElement(nil, count: count - actions[action]!.caps.count))
        }
        actions[action]!.caps[index] = cap
    }

    /// Every action and day with units or events, by action name, then day.
    var countEntries: [(action: String, day: Int64, units: Int, events: Int)] {
        actions.keys.sorted().flatMap { action in
            let days = actions[action]!
            return days.units.indices.compactMap { index in
                days.units[index] == 0 && days.events[index] == 0
                    ? nil : (action, days.first + Int64(index), days.units[index], days.events[index])
            }
        }
    }

    /// Every capped day kept, by action name, then day.
    var capEntries: [(action: String, day: Int64, cap: ScoreInputs.CapDay)] {
        actions.keys.sorted().flatMap { action in
            let days = actions[action]!
            return days.caps.indices.compactMap { index in
                days.caps[index].map { (action, days.first + Int64(index), $0) }
            }
        }
    }
}

extension ActionDayTable: Equatable {
    /// The same units and events on the same days: how far each action's span reaches, and the caps
    /// (which depend on the order events came in), do not count.
    static func == (left: ActionDayTable, right: ActionDayTable) -> Bool {
        left.countEntries.elementsEqual(right.countEntries) {
            $0.action == $1.action && $0.day == $1.day && $0.units == $1.units && $0.events == $1.events
        }
    }
}
