/// One name's values (an action's units, a tally's amounts, a capped day's summary) by local day,
/// dense over the days it spans: a value per day and no hash table entry, grown at either end as
/// days before or after come in.
struct DaySpan<Value: Sendable>: Sendable {
    private(set) var first: Int64 = 0
    private(set) var values: [Value] = []
    /// What a day outside the span, or a day with nothing, holds.
    let empty: Value

    init(empty: Value) { self.empty = empty }

    subscript(day: Int64) -> Value {
        guard !values.isEmpty, day >= first, day - first < Int64(values.count) else { return empty }
        return values[Int(day - first)]
    }

    /// Changes the value of `day`, the span grown to hold it.
    mutating func update(_ day: Int64, _ change: (inout Value) -> Void) {
        if values.isEmpty {
            first = day
            values = [empty]
        } else if day < first {
            values.insert(contentsOf: repeatElement(empty, count: Int(first - day)), at: 0)
            first = day
        } else if day - first >= Int64(values.count) {
            values.append(contentsOf: repeatElement(empty, count: Int(day - first) - values.count + 1))
        }
        change(&values[Int(day - first)])
    }

    /// Each day of the span with its value, in day order.
    var days: some Sequence<(day: Int64, value: Value)> {
        values.indices.lazy.map { (first + Int64($0), values[$0]) }
    }
}
