import SSIDomain
import Testing

/// The worked examples of the README's score model, pinned to the hundredth.
@Suite struct WorkedExampleTests {
    let model = TestModel.lisbon
    let noon = TestModel.noon

    @Test func emptyJournalScoresOnlyThePriors() {
        let state = ScoreState(model: model)
        let score = state.score(at: noon)
        // engage: reply-rate prior 0.3 × 6 = 1.8 raw; relationships: acceptance prior 0.5 × 8 = 4.0 raw.
        #expect(score.value(.brand) == 0)
        #expect(score.value(.find) == 0)
        #expect(score.value(.engage) == 1.74)
        #expect(score.value(.relationships) == 3.70)
        #expect(score.total == 5.44)
    }

    @Test func oneCommentAddsItsPointsAndAnActiveDay() throws {
        var state = ScoreState(model: model)
        try state.apply(TestModel.event("comment", at: noon, seq: 1))
        let score = state.score(at: noon)
        #expect(score.value(.engage) == 2.65)  // 25 × (1 − e^(−(1.0 + 1.8)/25)) = 2.6489
        #expect(score.value(.find) == 0.62)  // one active day: 25 × (1 − e^(−0.5/20)) = 0.6173
        #expect(score.value(.relationships) == 3.70)
        #expect(score.total == 6.97)
    }

    @Test func aCommentKeepsHalfItsWeightAfterTheHalfLife() throws {
        var state = ScoreState(model: model)
        try state.apply(TestModel.event("comment", at: noon, seq: 1))
        let later = noon + 14 * 86_400
        #expect(state.score(at: later).value(.engage) == 2.20)  // 25 × (1 − e^(−(0.5 + 1.8)/25)) = 2.1974
        #expect(state.score(at: later).value(.find) == 0.62)  // still inside the 28-day active window
        #expect(state.score(at: noon + 29 * 86_400).value(.find) == 0)
    }

    @Test func theDailyCapStopsTheEleventhComment() throws {
        var state = ScoreState(model: model)
        for seq in 1...12 { try state.apply(TestModel.event("comment", at: noon + Int64(seq), seq: UInt64(seq))) }
        let comment = state.breakdown(at: noon + 20).first { $0.pillar == .engage }!.components
            .first { $0.name == "comment" }!
        #expect(abs(comment.raw - 10) < 0.001)
        #expect(state.score(at: noon + 20).value(.engage) == 9.41)  // 25 × (1 − e^(−11.8/25)) = 9.4062
    }

    @Test func aProfileSectionCountsOnce() throws {
        var state = ScoreState(model: model)
        try state.apply(TestModel.event("profile", at: noon, seq: 1, section: "headline"))
        let once = state.score(at: noon)
        try state.apply(TestModel.event("profile", at: noon, seq: 2, section: "headline"))
        #expect(state.score(at: noon) == once)
        try state.apply(TestModel.event("profile", at: noon, seq: 3, section: "summary"))
        #expect(state.score(at: noon).value(.brand) > once.value(.brand))
    }

    @Test func aDecisionMakerCountsThreeTimes() throws {
        var plain = ScoreState(model: model)
        var senior = ScoreState(model: model)
        try plain.apply(TestModel.event("connection", at: noon, seq: 1, count: 3))
        try senior.apply(TestModel.event("connection", at: noon, seq: 1, tags: ["decision-maker"]))
        let network = { (state: ScoreState) in
            state.breakdown(at: noon).first { $0.pillar == .relationships }!.components.first { $0.name == "network" }!
                .raw
        }
        #expect(abs(network(plain) - network(senior)) < 1e-9)  // 1.5 × log2(1 + 3) = 3.0
        #expect(abs(network(plain) - 3.0) < 1e-9)
    }

    @Test func aMessageEntersTheReplyRateOnlyAfterAWeek() throws {
        var state = ScoreState(model: model)
        try state.apply(TestModel.event("message", at: noon, seq: 1))
        let rate = { (at: Int64) in
            state.breakdown(at: at).first { $0.pillar == .engage }!.components.first { $0.name == "reply_rate" }!.raw
        }
        #expect(abs(rate(noon) - 1.8) < 1e-9)
        #expect(abs(rate(noon + 8 * 86_400) - 6 * 1.5 / 6) < 1e-9)  // (0 + 1.5) / (1 + 5) × 6
    }

    @Test func nextBestActionsAreOrderedByGain() throws {
        let state = ScoreState(model: model)
        let next = state.nextBestActions(at: noon)
        #expect(next.first?.action == "article")
        #expect(zip(next, next.dropFirst()).allSatisfy { $0.gain >= $1.gain })
        #expect(!next.contains { $0.action == "declined" && $0.gain > 0 })
    }
}
