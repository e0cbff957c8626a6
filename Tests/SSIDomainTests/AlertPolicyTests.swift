import SSIDomain
import Testing

/// The whole journald policy as a pure type: per-event notices, drops, the backdating rule, quiet
/// hours, pauses and the once-a-day forecast.
@Suite struct AlertPolicyTests {
    let noon = TestModel.noon
    let settings = AlertSettings(threshold: 2, minIntervalSeconds: 6 * 3600, checkEverySeconds: 900)

    /// A week of comments and likes, and a post whose undo drops the score past the threshold.
    func busyState() throws -> (ScoreState, [JournalEntry]) {
        var state = ScoreState(model: TestModel.lisbon)
        var entries: [JournalEntry] = []
        var seq: UInt64 = 0
        for day in 0..<7 {
            for action in ["comment", "comment", "like", "post", "article"] {
                seq += 1
                let entry = TestModel.event(action, at: noon - Int64(day) * 86_400, seq: seq)
                try state.apply(entry)
                entries.append(entry)
            }
        }
        return (state, entries)
    }

    func undoNotices(of targets: [String], in state: inout ScoreState, policy: inout AlertPolicy) throws
        -> [AlertPolicy.Notice]
    {
        var undos: [JournalEntry] = []
        for (index, target) in targets.enumerated() {
            let undo = JournalEntry.undo(
                UndoEvent(id: "u\(index)", seq: 900 + UInt64(index), target: target, recorded: noon))
            try state.apply(undo)
            undos.append(undo)
        }
        return policy.committed(undos, state: state, now: noon, score: state.score(at: noon))
    }

    @Test func anUndoThatDropsTheScoreAlertsOnceNamingTheUndo() throws {
        var (state, entries) = try busyState()
        var policy = AlertPolicy(settings: settings, initial: state.score(at: noon))
        let targets = entries.suffix(12).map(\.id)
        let notices = try undoNotices(of: targets, in: &state, policy: &policy)
        let alerts = notices.compactMap { notice -> (ScoreAlert, String)? in
            if case .alert(let alert, let reason) = notice { return (alert, reason) }
            return nil
        }
        #expect(alerts.count == 1)
        #expect(alerts.first?.1.contains("undo of event") == true, "\(alerts)")
        #expect(notices.count == targets.count + 1, "one logged notice per undo, then the alert")
        // The same low score a minute later: no second alert.
        #expect(policy.tick(state: state, now: noon + 60).allSatisfy { if case .alert = $0 { false } else { true } })
    }

    @Test func entriesTypedInLongAfterTheFactMoveThePeaksWithoutAWarning() throws {
        var (state, _) = try busyState()
        let score = state.score(at: noon)
        var policy = AlertPolicy(
            settings: settings, initial: Score(pillarHundredths: score.pillarHundredths.mapValues { $0 + 500 }))
        // A comment from two days ago, typed now: the score is far below the (inflated) peak.
        let late = JournalEntry.action(
            ActionEvent(id: "late", seq: 999, action: "comment", occurred: noon - 2 * 86_400, recorded: noon))
        try state.apply(late)
        let notices = policy.committed([late], state: state, now: noon, score: state.score(at: noon))
        #expect(!notices.contains { if case .alert = $0 { true } else { false } })
        #expect(policy.tick(state: state, now: noon + 60).allSatisfy { if case .alert = $0 { false } else { true } })
    }

    /// An import never warns, even when what it brings lowers the score (old messages without a
    /// reply lower the reply rate) and some of its rows are dated now (profile sections).
    @Test func anImportedBatchNeverAlerts() throws {
        var (state, _) = try busyState()
        let score = state.score(at: noon)
        var policy = AlertPolicy(
            settings: settings, initial: Score(pillarHundredths: score.pillarHundredths.mapValues { $0 + 500 }))
        let imported = [
            JournalEntry.action(
                ActionEvent(
                    id: "i1", seq: 990, action: "profile", occurred: noon, recorded: noon, section: "skills",
                    source: "Skills.csv:2")),
            JournalEntry.action(
                ActionEvent(
                    id: "i2", seq: 991, action: "message", occurred: noon - 20 * 86_400, recorded: noon,
                    source: "messages.csv:7")),
        ]
        for entry in imported { try state.apply(entry) }
        let notices = policy.committed(imported, state: state, now: noon, score: state.score(at: noon))
        #expect(!notices.contains { if case .alert = $0 { true } else { false } })
        // The same batch typed by hand just now would warn: the peaks are far above.
        var typed = AlertPolicy(
            settings: settings, initial: Score(pillarHundredths: score.pillarHundredths.mapValues { $0 + 500 }))
        let now = [TestModel.event("comment", at: noon, seq: 992)]
        try state.apply(now[0])
        #expect(
            typed.committed(now, state: state, now: noon, score: state.score(at: noon)).contains {
                if case .alert = $0 { true } else { false }
            })
    }

    @Test func logEventsOffWritesNoPerEventEntries() throws {
        var (state, _) = try busyState()
        var quiet = settings
        quiet.logEvents = false
        var policy = AlertPolicy(settings: quiet, initial: state.score(at: noon))
        let entry = TestModel.event("comment", at: noon, seq: 1000)
        try state.apply(entry)
        #expect(policy.committed([entry], state: state, now: noon, score: state.score(at: noon)).isEmpty)
    }

    @Test func quietHoursDeferAndAPauseSilences() throws {
        var (state, entries) = try busyState()
        // Quiet from 11:00 to 13:00 local; noon UTC is noon in Lisbon in November.
        var night = settings
        night.quietHours = 660...780
        var policy = AlertPolicy(settings: night, initial: state.score(at: noon))
        let quietNotices = try undoNotices(of: entries.suffix(12).map(\.id), in: &state, policy: &policy)
        #expect(!quietNotices.contains { if case .alert = $0 { true } else { false } })
        let after = policy.tick(state: state, now: noon + 2 * 3600)
        #expect(after.contains { if case .alert = $0 { true } else { false } }, "deferred until quiet hours end")

        (state, entries) = try busyState()
        var paused = AlertPolicy(settings: settings, initial: state.score(at: noon))
        try state.apply(.pause(PauseEvent(id: "p", seq: 800, until: noon + 86_400, recorded: noon - 60)))
        let silenced = try undoNotices(of: entries.suffix(12).map(\.id), in: &state, policy: &paused)
        #expect(!silenced.contains { if case .alert = $0 { true } else { false } })
        #expect(
            paused.tick(state: state, now: noon + 90_000).allSatisfy { if case .alert = $0 { false } else { true } })
    }

    @Test func theForecastComesAtMostOnceADay() throws {
        let (state, _) = try busyState()
        var policy = AlertPolicy(settings: settings, initial: state.score(at: noon))
        var forecasts: [Int64] = []
        for step in 0..<(3 * 96) {
            let at = noon + Int64(step) * 900
            for notice in policy.tick(state: state, now: at) { if case .forecast = notice { forecasts.append(at) } }
        }
        #expect(!forecasts.isEmpty)
        let days = forecasts.map { state.calendar.day(of: $0) }
        #expect(Set(days).count == days.count, "two forecasts on one day: \(forecasts)")
    }

    /// Ticks every 15 minutes for three weeks: one weekly word a week, at Monday 09:00 local (or at
    /// once when a start comes after this week's hour), about
    /// the week before; none while paused; none again after a restart that remembers the last week.
    @Test func theWeeklyWordComesOnceAWeekAtItsHour() throws {
        let (state, _) = try busyState()
        var policy = AlertPolicy(settings: settings, initial: state.score(at: noon))
        var words: [(Int64, WeekSummary)] = []
        for step in 0..<(21 * 96) {
            let at = noon + Int64(step) * 900
            for notice in policy.tick(state: state, now: at) {
                if case .weekly(let week) = notice { words.append((at, week)) }
            }
        }
        // Started on a Sunday, after this week's Monday 09:00: it catches up at once, then every Monday.
        #expect(words.count == 4, "\(words.map(\.1.week))")
        #expect(words.first?.0 == noon)
        for (at, week) in words.dropFirst() {
            let local = at + state.calendar.offset(at: at)
            #expect((local % 86_400) / 3600 == 9, "sent at \(CivilTime.formatUTC(at))")
            #expect(
                WeekSummary.label(monday: WeekSummary.monday(containing: at, calendar: state.calendar) - 7) == week.week
            )
        }
        // A restarted policy that remembers the last week sends nothing more that week.
        let (lastAt, lastWeek) = try #require(words.last)
        var restarted = AlertPolicy(settings: settings, initial: nil, lastWeek: lastWeek.week)
        #expect(
            !restarted.tick(state: state, now: lastAt + 3600).contains { if case .weekly = $0 { true } else { false } })
        // Paused: none.
        var paused = state
        try paused.apply(.pause(PauseEvent(id: "p", seq: 999, until: noon + 30 * 86_400, recorded: noon)))
        var quiet = AlertPolicy(settings: settings, initial: nil)
        #expect(!quiet.tick(state: paused, now: lastAt).contains { if case .weekly = $0 { true } else { false } })
    }

    @Test func isoWeeksAndTheirMondays() {
        // 2026-11-30 is the Monday of 2026-W49; 2021-01-04 of 2021-W01 (2021-01-01 was in 2020-W53).
        let monday = CivilTime.days(year: 2026, month: 11, day: 30)
        #expect(WeekSummary.label(monday: monday) == "2026-W49")
        #expect(WeekSummary.monday(of: "2026-W49") == monday)
        #expect(WeekSummary.label(monday: CivilTime.days(year: 2021, month: 1, day: 4)) == "2021-W01")
        #expect(WeekSummary.label(monday: CivilTime.days(year: 2020, month: 12, day: 28)) == "2020-W53")
        #expect(WeekSummary.monday(of: "2021-W53") == nil)
        #expect(WeekSummary.monday(of: "garbage") == nil)
    }
}
