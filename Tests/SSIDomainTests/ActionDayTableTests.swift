import Testing

@testable import SSIDomain

/// Units and capped days per action and day, dense over each action's span: checked against a
/// dictionary through days added before, inside and after the span, in any order.
@Suite struct ActionDayTableTests {
    static func cap(_ seq: UInt64) -> ScoreInputs.CapDay {
        ScoreInputs.CapDay(newestOccurred: Int64(seq) * 60, newestSeq: seq, newestIsExact: seq % 2 == 0, seqs: 1...seq)
    }

    @Test func itAnswersAsADictionaryWould() {
        var generator = Xorshift(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        struct Key: Hashable {
            var action: String
            var day: Int64
        }
        var table = ActionDayTable()
        var units: [Key: Int] = [:]
        var events: [Key: Int] = [:]
        var caps: [Key: ScoreInputs.CapDay] = [:]
        for step in 0..<4_000 {
            let key = Key(action: ["like", "comment", "post"][next(3)], day: Int64(20_000 + next(400) - 200))
            if next(3) == 0 {
                let cap = next(4) == 0 ? nil : Self.cap(UInt64(step + 1))
                table.setCap(cap, action: key.action, day: key.day)
                caps[key] = cap
            } else if next(2) == 0 {
                let change = next(7) - 3
                table.addUnits(change, action: key.action, day: key.day)
                units[key, default: 0] += change
                if units[key] == 0 { units[key] = nil }
            } else {
                let change = next(3) - 1
                table.addEvents(change, action: key.action, day: key.day)
                events[key, default: 0] += change
                if events[key] == 0 { events[key] = nil }
            }
            #expect(table.unitsLogged(key.action, day: key.day) == units[key] ?? 0)
            #expect(table.events.value(key.action, day: key.day) == events[key] ?? 0)
            #expect(
                table.eventCounts(onDay: key.day)
                    == Dictionary(
                        uniqueKeysWithValues: events.filter { $0.key.day == key.day }.map { ($0.key.action, $0.value) })
            )
            #expect(table.cap(key.action, day: key.day) == caps[key])
        }
        for (columns, reference) in [(table.units, units), (table.events, events)] {
            let expected = reference.sorted { ($0.key.action, $0.key.day) < ($1.key.action, $1.key.day) }
            #expect(
                columns.entries.map { "\($0.name) \($0.day) \($0.amount)" }
                    == expected.map { "\($0.key.action) \($0.key.day) \($0.value)" })
        }
        let expectedCaps = caps.sorted { ($0.key.action, $0.key.day) < ($1.key.action, $1.key.day) }
        #expect(
            table.capEntries.map { "\($0.action) \($0.day) \($0.cap.newestSeq)" }
                == expectedCaps.map { "\($0.key.action) \($0.key.day) \($0.value.newestSeq)" })
        #expect(table.unitsLogged("share", day: 20_000) == 0 && table.cap("share", day: 20_000) == nil)
    }

    /// Equal when the same days hold the same units and events: not how far a span reaches, nor the
    /// caps.
    @Test func equalityIsTheUnitsOnly() {
        var left = ActionDayTable()
        var right = ActionDayTable()
        left.addUnits(2, action: "like", day: 10)
        right.addUnits(1, action: "like", day: 3)
        right.addUnits(-1, action: "like", day: 3)
        right.addUnits(2, action: "like", day: 10)
        right.setCap(Self.cap(4), action: "like", day: 10)
        #expect(left == right)
        right.addUnits(1, action: "like", day: 11)
        #expect(left != right)
        left.addUnits(1, action: "like", day: 11)
        left.addEvents(1, action: "like", day: 11)
        #expect(left != right)
    }
}
