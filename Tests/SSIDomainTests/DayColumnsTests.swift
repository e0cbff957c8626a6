import Testing

@testable import SSIDomain

/// Amounts per name and day, dense over each name's span: checked against a dictionary through days
/// added before, inside and after the span, and equal whatever span the same amounts left.
@Suite struct DayColumnsTests {
    @Test func itAnswersAsADictionaryWould() {
        var generator = Xorshift(seed: 0x0DDB_1A5E_5BAD_5EED)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        struct Key: Hashable {
            var name: String
            var day: Int64
        }
        var columns = DayColumns()
        var reference: [Key: Int64] = [:]
        for _ in 0..<4_000 {
            let key = Key(name: ["network", "followers", "reply_rate"][next(3)], day: Int64(next(300)) - 150)
            let amount = Int64(next(2_001) - 1_000)
            columns.add(amount, name: key.name, day: key.day)
            reference[key, default: 0] += amount
            if reference[key] == 0 { reference[key] = nil }
            #expect(columns.value(key.name, day: key.day) == reference[key] ?? 0)
            let onDay = reference.filter { $0.key.day == key.day }
            #expect(
                columns.amounts(onDay: key.day)
                    == Dictionary(uniqueKeysWithValues: onDay.map { ($0.key.name, $0.value) }))
        }
        let expected = reference.sorted { ($0.key.name, $0.key.day) < ($1.key.name, $1.key.day) }
        #expect(
            columns.entries.map { "\($0.name) \($0.day) \($0.amount)" }
                == expected.map { "\($0.key.name) \($0.key.day) \($0.value)" })
        var spread = DayColumns()
        for entry in columns.entries { spread.add(entry.amount, name: entry.name, day: entry.day) }
        spread.add(5, name: "network", day: -1_000)
        spread.add(-5, name: "network", day: -1_000)
        #expect(spread == columns)
        spread.add(1, name: "network", day: 0)
        #expect(spread != columns)
    }
}
