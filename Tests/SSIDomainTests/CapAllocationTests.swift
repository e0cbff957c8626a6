import Testing

@testable import SSIDomain

/// The daily cap keeps per day only its newest entry and a seq range, and gathers a day's entries
/// from the events when an event lands before the newest or an undo takes one out of a full day.
/// Whatever the order, the activity must be the greedy allocation in time order of what counts.
@Suite struct CapAllocationTests {
    static let model = TestModel.lisbon
    static let action = "comment"

    /// The activity as the rule defines it: per local day, units in (occurred, seq) order, the first
    /// `daily_cap` of them counting.
    static func expected(_ events: [ActionEvent], calendar: LocalCalendar) -> SlotSeries {
        let definition = model.actions[action]!
        var series = SlotSeries()
        var left: [Int64: Int] = [:]
        for event in events.sorted(by: { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }) {
            let day = calendar.day(of: event.occurred)
            let room = left[day, default: definition.dailyCap]
            let counted = min(max(0, event.count), room)
            left[day] = room - counted
            series.add(Milli(counted) * definition.milliPoints, at: event.occurred)
        }
        return series
    }

    @Test func anyOrderOfBackdatedEventsAndUndosAllocatesAsTheRuleSays() throws {
        var random: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            random ^= random << 13
            random ^= random >> 7
            random ^= random << 17
            return Int(random % UInt64(bound))
        }
        let cap = Self.model.actions[Self.action]!.dailyCap
        #expect(cap > 0)
        var upperBounds = 0
        for round in 0..<60 {
            var state = ScoreState(model: Self.model)
            var counting: [String: ActionEvent] = [:]
            var seq: UInt64 = 0
            for step in 0..<(20 + round * 3) {
                seq += 1
                if next(4) == 0, !counting.isEmpty {
                    // An undo: the newest half the time (a bare `undo`), else any event that counts.
                    let ordered = counting.values.sorted { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }
                    let target = next(2) == 0 ? ordered.last! : ordered[next(ordered.count)]
                    try state.apply(.undo(UndoEvent(id: "u\(seq)", seq: seq, target: target.id, recorded: 0)))
                    counting[target.id] = nil
                } else {
                    // Three days around midnight in Lisbon; mostly later than the last, sometimes before.
                    let occurred = TestModel.noon - Int64(next(3 * 86_400)) + (step % 3 == 0 ? 0 : Int64(step) * 60)
                    let count = [0, 1, 1, 2, 3, cap][next(6)]
                    let event = ActionEvent(
                        id: "e\(seq)", seq: seq, action: Self.action, occurred: occurred, recorded: occurred,
                        count: count)
                    try state.apply(.action(event))
                    counting[event.id] = event
                }
                #expect(
                    state.inputs.activity[Self.action] ?? SlotSeries()
                        == Self.expected(Array(counting.values), calendar: state.calendar),
                    "round \(round) step \(step)")
            }
            upperBounds += state.inputs.days.capEntries.count { !$0.cap.newestIsExact }
        }
        // The newest of some day was undone and later events did not make it exact again.
        #expect(upperBounds > 0)
    }

    /// What is kept per capped day does not grow with its events.
    @Test func aFullDayKeepsOneSummaryNotItsEntries() throws {
        var state = ScoreState(model: Self.model)
        for seq in UInt64(1)...500 {
            try state.apply(TestModel.event(Self.action, at: TestModel.noon - Int64(seq), seq: seq))
        }
        #expect(state.inputs.days.capEntries.count == 1)
        let day = try #require(state.inputs.days.capEntries.first?.cap)
        #expect(day.seqs == 1...500)
        #expect(day.newestSeq == 1 && day.newestIsExact)
    }
}
