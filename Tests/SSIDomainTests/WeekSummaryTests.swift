import Testing

@testable import SSIDomain

/// The weekly summary counts from the events counted per day; these must be what a walk over every
/// event (the way it once counted) finds.
@Suite struct WeekSummaryTests {
    /// Random events over five weeks around midnights in Lisbon, some undone, against every Monday
    /// and pillar.
    @Test func theCountsAreWhatAWalkOverTheEventsFinds() throws {
        let model = TestModel.lisbon
        var random: UInt64 = 48
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var state = ScoreState(model: model)
        let start = TestModel.noon - 35 * 86_400
        var seq: UInt64 = 0
        var ids: [String] = []
        for _ in 0..<600 {
            seq += 1
            if !ids.isEmpty, next(8) == 0 {
                let target = ids.remove(at: next(ids.count))
                try state.apply(.undo(UndoEvent(id: "u\(seq)", seq: seq, target: target, recorded: TestModel.noon)))
                continue
            }
            let action = model.actionNames[next(model.actionNames.count)]
            let at = start + Int64(next(35 * 86_400))
            try state.apply(TestModel.event(action, at: at, seq: seq))
            ids.append("e\(seq)")
        }
        let firstMonday = WeekSummary.monday(containing: start, calendar: state.calendar)
        var compared = 0
        for monday in stride(from: firstMonday, through: firstMonday + 35, by: 7) {
            for pillar in Pillar.allCases {
                let counts = WeekSummary.Counts(state: state, monday: monday, pillar: pillar)
                #expect(counts == Self.walk(state, monday: monday, pillar: pillar), "\(monday) \(pillar)")
                compared += counts.actions
            }
        }
        try #require(compared > 500, "too few events in the weeks compared: the test proves little")
    }

    /// The counts as the summary took them before: every event, its local day.
    static func walk(_ state: ScoreState, monday: Int64, pillar: Pillar) -> WeekSummary.Counts {
        var counts = WeekSummary.Counts()
        for event in state.events.values {
            let day = state.calendar.day(of: event.occurred)
            guard let definition = state.model.actions[event.action] else { continue }
            if day >= monday, day < monday + 7 {
                counts.actions += 1
                if definition.countsAsActive { counts.activeDays.insert(day) }
                if definition.pillar == pillar { counts.thisWeek[event.action, default: 0] += 1 }
            } else if day >= monday - 7, day < monday, definition.pillar == pillar {
                counts.weekBefore[event.action, default: 0] += 1
            }
        }
        return counts
    }

    /// A week of only `like`s (engage) on five days: `find` moves most, from its active days, and
    /// the reason says so instead of saying it held.
    @Test func aPillarRaisedOnlyByActiveDaysSaysSo() throws {
        var state = ScoreState(model: TestModel.lisbon)
        let monday = WeekSummary.monday(containing: TestModel.noon - 6 * 86_400, calendar: state.calendar)
        for day in 0..<5 {
            let at = state.calendar.start(ofDay: monday + Int64(day)) + 10 * 3_600
            try state.apply(TestModel.event("like", at: at, seq: UInt64(day + 1)))
        }
        let summary = WeekSummary(state: state, monday: monday, now: TestModel.noon + 86_400)
        #expect(summary.pillar == .find)
        #expect(summary.pillarDeltaHundredths > 0)
        #expect(summary.reason == "no find actions; 5 days active this week raised it")
        #expect(summary.activeDays == 5)

        let quiet = WeekSummary(state: ScoreState(model: TestModel.lisbon), monday: monday, now: TestModel.noon)
        #expect(quiet.deltaHundredths == 0)
        #expect(quiet.reason == "no \(quiet.pillar.rawValue) actions, it held")
    }
}
