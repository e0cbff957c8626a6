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
}
