import SSIDomain
import Testing

@Suite struct AlertTrackerTests {
    let model = TestModel.lisbon
    let noon = TestModel.noon
    let settings = AlertSettings(threshold: 2, minIntervalSeconds: 6 * 3600, checkEverySeconds: 900)

    func activeState() throws -> ScoreState {
        var state = ScoreState(model: model)
        var seq: UInt64 = 0
        for day in 0..<7 {
            for action in ["comment", "comment", "like"] {
                seq += 1
                try state.apply(TestModel.event(action, at: noon - Int64(day) * 86_400, seq: seq))
            }
        }
        return state
    }

    @Test func aDecayDropOverSimulatedDaysAlertsOnce() throws {
        let state = try activeState()
        var tracker = AlertTracker(settings: settings, initial: state.score(at: noon))
        var alerts: [ScoreAlert] = []
        // Every 15 minutes for 10 days, as the daemon's timer would.
        for step in 1...(10 * 96) {
            let at = noon + Int64(step) * 900
            if let alert = tracker.observe(state.score(at: at), at: at, quiet: false, paused: false) {
                alerts.append(alert)
            }
        }
        let drop = state.score(at: noon).totalHundredths - state.score(at: noon + 10 * 86_400).totalHundredths
        #expect(drop >= 200 && drop < 400, "the scenario needs one threshold's worth of decay, got \(drop)")
        #expect(alerts.count == 1)
        #expect(alerts.first?.key == "total")
        #expect(alerts.first.map { $0.previousHundredths - $0.currentHundredths } ?? 0 >= 200)
    }

    @Test func anAlertIsRateLimitedPerKey() throws {
        let high = try activeState().score(at: noon)
        let low = ScoreState(model: model).score(at: noon)
        var tracker = AlertTracker(settings: settings, initial: high)
        #expect(tracker.observe(low, at: noon, quiet: false, paused: false) != nil)
        #expect(tracker.observe(high, at: noon + 60, quiet: false, paused: false) == nil)
        #expect(tracker.observe(low, at: noon + 120, quiet: false, paused: false) == nil)
        #expect(tracker.observe(high, at: noon + 7 * 3600, quiet: false, paused: false) == nil)
        #expect(tracker.observe(low, at: noon + 7 * 3600 + 60, quiet: false, paused: false) != nil)
    }

    @Test func quietHoursDeferTheAlert() throws {
        let high = try activeState().score(at: noon)
        let low = ScoreState(model: model).score(at: noon)
        var tracker = AlertTracker(settings: settings, initial: high)
        #expect(tracker.observe(low, at: noon, quiet: true, paused: false) == nil)
        let later = tracker.observe(low, at: noon + 3600, quiet: false, paused: false)
        #expect(later?.previousHundredths == high.totalHundredths)
    }

    @Test func aPauseSilencesAndForgetsTheDrop() throws {
        let high = try activeState().score(at: noon)
        let low = ScoreState(model: model).score(at: noon)
        var tracker = AlertTracker(settings: settings, initial: high)
        #expect(tracker.observe(low, at: noon, quiet: false, paused: true) == nil)
        #expect(tracker.observe(low, at: noon + 86_400, quiet: false, paused: false) == nil)
    }

    @Test func anAcknowledgedDropMovesThePeakWithoutAWarning() throws {
        let high = try activeState().score(at: noon)
        let low = ScoreState(model: model).score(at: noon)
        var tracker = AlertTracker(settings: settings, initial: high)
        #expect(tracker.observe(low, at: noon, quiet: false, paused: false, acknowledge: true) == nil)
        #expect(tracker.observe(low, at: noon + 60, quiet: false, paused: false) == nil)
    }

    @Test func aPillarDropBelowTheThresholdForTheTotalNamesThePillar() throws {
        var state = ScoreState(model: model)
        try state.apply(TestModel.event("article", at: noon, seq: 1))
        try state.apply(TestModel.event("comment", at: noon, seq: 2))
        let before = state.score(at: noon)
        try state.apply(.undo(UndoEvent(id: "u", seq: 3, target: "e1", recorded: noon)))
        var tracker = AlertTracker(
            settings: AlertSettings(threshold: 2, minIntervalSeconds: 0, checkEverySeconds: 900), initial: before)
        let alert = tracker.observe(state.score(at: noon), at: noon, quiet: false, paused: false)
        #expect(alert?.key == "total")
        #expect(alert?.mainPillar == .brand)
    }
}

@Suite struct ScoreForecastTests {
    @Test func aDecayingPillarIsForecastToCrossItsLevel() throws {
        var state = ScoreState(model: TestModel.lisbon)
        let noon = TestModel.noon
        for seq in 1...10 { try state.apply(TestModel.event("comment", at: noon, seq: UInt64(seq))) }
        let engage = state.score(at: noon).hundredths(.engage)
        #expect(engage >= 500)
        let forecast = state.forecast(at: noon, days: 30)
        let first = try #require(forecast.first { $0.pillar == .engage })
        #expect(first.levelHundredths == engage / 500 * 500)
        #expect(first.predictedHundredths < first.levelHundredths)
        #expect(state.forecast(at: noon, days: 0).isEmpty)
    }
}
