/// Integer amounts per name (an action's units or events, a tally, a rate) and local day, each
/// name's days dense over the span it was used in (`DaySpan`): 8 bytes per day, rather than a hash
/// table entry per name and day.
struct DayColumns: Sendable {
    private var columns: [String: DaySpan<Int64>] = [:]

    func value(_ name: String, day: Int64) -> Int64 { columns[name]?[day] ?? 0 }

    mutating func add(_ amount: Int64, name: String, day: Int64) {
        guard amount != 0 else { return }
        columns[name, default: DaySpan(empty: 0)].update(day) { $0 += amount }
    }

    /// The names with an amount on `day`, and the amounts.
    func amounts(onDay day: Int64) -> [String: Int64] {
        var amounts: [String: Int64] = [:]
        for (name, column) in columns where column[day] != 0 { amounts[name] = column[day] }
        return amounts
    }

    /// Each name's amount over every day.
    var totals: [String: Int64] { columns.mapValues { $0.days.reduce(0) { $0 + $1.value } } }

    /// Every name and day with an amount, by name, then day.
    var entries: [(name: String, day: Int64, amount: Int64)] {
        columns.keys.sorted().flatMap { name in
            columns[name]!.days.filter { $0.value != 0 }.map { (name, $0.day, $0.value) }
        }
    }
}

extension DayColumns: Equatable {
    /// The same amounts on the same days, however far each name's span reaches.
    static func == (left: DayColumns, right: DayColumns) -> Bool {
        left.entries.elementsEqual(right.entries) { $0.name == $1.name && $0.day == $1.day && $0.amount == $1.amount }
    }
}
