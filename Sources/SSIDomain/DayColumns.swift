/// Integer amounts per name (a tally, a rate) and local day, each name's days dense over the span
/// it was used in: 8 bytes per day, rather than a small hash table per day.
struct DayColumns: Sendable {
    private struct Column: Sendable {
        var first: Int64 = 0
        var values: [Int64] = []
    }

    private var columns: [String: Column] = [:]

    func value(_ name: String, day: Int64) -> Int64 {
        guard let column = columns[name], day >= column.first, day - column.first < Int64(column.values.count) else {
            return 0
        }
        return column.values[Int(day - column.first)]
    }

    mutating func add(_ amount: Int64, name: String, day: Int64) {
        guard amount != 0 else { return }
        var column = columns.removeValue(forKey: name) ?? Column(first: day)
        if column.values.isEmpty { column.first = day }
        if day < column.first {
            column.values.insert(contentsOf: repeatElement(0, count: Int(column.first - day)), at: 0)
            column.first = day
        }
        let index = Int(day - column.first)
        if index >= column.values.count {
            column.values.append(contentsOf: repeatElement(0, count: index - column.values.count + 1))
        }
        column.values[index] += amount
        columns[name] = column
    }

    /// The names with an amount on `day`, and the amounts.
    func amounts(onDay day: Int64) -> [String: Int64] {
        var amounts: [String: Int64] = [:]
        for name in columns.keys where value(name, day: day) != 0 { amounts[name] = value(name, day: day) }
        return amounts
    }

    /// Every name and day with an amount, by name, then day.
    var entries: [(name: String, day: Int64, amount: Int64)] {
        columns.keys.sorted().flatMap { name in
            let column = columns[name]!
            return column.values.indices.compactMap { index in
                column.values[index] == 0 ? nil : (name, column.first + Int64(index), column.values[index])
            }
        }
    }
}

extension DayColumns: Equatable {
    /// The same amounts on the same days, however far each name's span reaches.
    static func == (left: DayColumns, right: DayColumns) -> Bool {
        left.entries.elementsEqual(right.entries) { $0.name == $1.name && $0.day == $1.day && $0.amount == $1.amount }
    }
}
