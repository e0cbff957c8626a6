import PropertyBased
import Testing

@testable import SSIDomain

/// Properties of the score over random event streams (x-sheep/swift-property-based).
@Suite struct ScorePropertyTests {
    static let model = TestModel.lisbon
    static let now = TestModel.noon
    static let actions = model.actionNames
    static let sections = ["headline", "summary", "photo", "banner", "experience", "featured", "skills"]

    /// Each integer encodes one event: action, how long ago (up to 60 days), count and tags.
    static let streams = Gen.int(in: 0...Int.max >> 2).array(of: 0...40)

    static func events(_ codes: [Int]) -> [JournalEntry] {
        codes.enumerated().map { index, code in
            let action = actions[code % actions.count]
            let ago = Int64((code / 64) % (60 * 86_400))
            let count = 1 + (code >> 31) % 3
            let tags = (code >> 34) % 3 == 0 ? ["decision-maker"] : []
            let section: String? = action == "profile" ? sections[(code >> 36) % sections.count] : nil
            return TestModel.event(
                action, at: now - ago, seq: UInt64(index + 1), count: count, tags: tags, section: section)
        }
    }

    static func state(_ entries: [JournalEntry]) -> ScoreState {
        var state = ScoreState(model: model)
        for entry in entries { try! state.apply(entry) }
        return state
    }

    /// The events of `codes`, then an undo of each whose code is a multiple of `undoEvery`.
    static func stateWithUndos(_ codes: [Int], undoEvery: Int) -> ScoreState {
        var state = state(events(codes))
        var seq: UInt64 = 1_000
        for (index, code) in codes.enumerated() where code % undoEvery == 0 {
            seq += 1
            try? state.apply(.undo(UndoEvent(id: "u\(seq)", seq: seq, target: "e\(index + 1)", recorded: now)))
        }
        return state
    }

    @Test func pillarsStayWithinBounds() async {
        await propertyCheck(count: 300, input: Self.streams) { codes in
            let state = Self.state(Self.events(codes))
            for offset: Int64 in [0, 3600, 86_400 * 3, 86_400 * 100] {
                let score = state.score(at: Self.now + offset)
                for pillar in Pillar.allCases { #expect((0...2500).contains(score.hundredths(pillar))) }
                #expect((0...10_000).contains(score.totalHundredths))
            }
        }
    }

    @Test func aPositiveActionNeverLowersTheScoreAtThatInstant() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...1000)) { codes, pick in
            var state = Self.state(Self.events(codes))
            let action = Self.actions[pick % Self.actions.count]
            guard Self.model.isPositive(action) else { return }
            let before = state.breakdown(at: Self.now)
            let section: String? = action == "profile" ? Self.sections[pick % Self.sections.count] : nil
            try! state.apply(TestModel.event(action, at: Self.now, seq: 10_000, section: section))
            let after = state.breakdown(at: Self.now)
            for (old, new) in zip(before, after) {
                #expect(new.score >= old.score - 1e-12, "\(action) lowered \(old.pillar)")
            }
        }
    }

    @Test func withoutEventsTheScoreNeverRisesAndFallsToTheStateFloor() async {
        await propertyCheck(count: 200, input: Self.streams) { codes in
            let state = Self.state(Self.events(codes))
            var previous = state.breakdown(at: Self.now)
            for step in 1...40 {
                let at = Self.now + Int64(step) * 3 * 86_400 + Int64(step * 977)
                let current = state.breakdown(at: at)
                for (old, new) in zip(previous, current) { #expect(new.score <= old.score + 1e-12) }
                previous = current
            }
            // Beyond the activity window and the active-day window only tallies and rates are left.
            let floor = state.breakdown(at: Self.now + 200 * 86_400)
            for pillar in floor {
                for component in pillar.components where component.kind == .activity || component.kind == .activeDays {
                    #expect(component.raw == 0)
                }
                let stateOnly = pillar.components.filter { $0.kind == .tally || $0.kind == .rate }.reduce(0) {
                    $0 + $1.raw
                }
                #expect(abs(pillar.raw - stateOnly) < 1e-9)
            }
        }
    }

    @Test func theDailyCapHolds() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1000), Gen.int(in: 1...40)) { pick, extra in
            let name = Self.actions[pick % Self.actions.count]
            let action = Self.model.actions[name]!
            guard action.dailyCap > 0, action.points > 0 else { return }
            var state = ScoreState(model: Self.model)
            for seq in 1...(action.dailyCap + extra) {
                try! state.apply(TestModel.event(name, at: Self.now - Int64(seq), seq: UInt64(seq)))
            }
            let raw = state.breakdown(at: Self.now).flatMap(\.components).first {
                $0.name == name && $0.kind == .activity
            }!.raw
            #expect(raw <= Double(action.dailyCap) * action.points + 1e-9)
            #expect(raw >= Double(action.dailyCap) * action.points * 0.999)
        }
    }

    @Test func liveReplayedAndHistoryScoresAreEqual() async {
        await propertyCheck(count: 150, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, shuffleSeed in
            let entries = Self.events(codes)
            let live = Self.state(entries)
            var generator = Xorshift(seed: UInt64(shuffleSeed) | 1)
            let replayed = Self.state(entries.shuffled(using: &generator))
            #expect(live.score(at: Self.now) == replayed.score(at: Self.now))
            #expect(live.explain(at: Self.now) == replayed.explain(at: Self.now))
            let history = live.history(days: 70, now: Self.now)
            #expect(history.last?.score == live.score(at: Self.now))
            // A past day's closing score equals a fresh replay of the events up to that day's end.
            for row in history.enumerated().filter({ $0.offset % 9 == 0 }).map(\.element) {
                let upToThen = entries.filter {
                    if case .action(let e) = $0 { return e.occurred <= row.at } else { return true }
                }
                #expect(Self.state(upToThen).score(at: row.at) == row.score, "day \(row.date)")
            }
        }
    }

    /// `history` walks back from today's aggregates; replaying every event is the reference. With
    /// undos, asked at instants inside a slot, and with events after the instant (the replay path).
    @Test func historyFromDayTotalsEqualsTheReplay() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, pick in
            let state = Self.stateWithUndos(codes, undoEvery: 5)
            for offset in [0, Int64(pick % 86_400), -Int64(pick % (20 * 86_400)), 777] {
                let at = Self.now + offset
                #expect(state.history(days: 70, now: at) == state.replayedHistory(days: 70, now: at), "at +\(offset)")
            }
        }
    }

    /// The score as of an instant after every event (a snapshot taken now) is the state's own; the
    /// replay of every event is the reference. With undos, and with instants before some events.
    @Test func theScoreAsOfAnInstantEqualsTheReplay() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, pick in
            let state = Self.stateWithUndos(codes, undoEvery: 4)
            for offset: Int64 in [0, Int64(pick % 86_400), -Int64(pick % (20 * 86_400)), 100 * 86_400] {
                let instants = [Self.now + offset, Self.now + offset + 3_600]
                #expect(state.breakdowns(asOf: instants) == state.replayedBreakdowns(asOf: instants), "at +\(offset)")
            }
        }
    }

    /// The newest event is kept in O(1) (undo of the newest pops back to the one before); a search
    /// of every event is the reference, with undos of the newest, of older events, and events
    /// applied out of sequence order.
    @Test func theLatestEventIsTheNewestThatCounts() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, pick in
            var state = ScoreState(model: Self.model)
            var seq: UInt64 = 1_000
            for (index, entry) in Self.events(codes).enumerated() {
                guard case .action(var event) = entry else { continue }
                // Every seventh event arrives with an older sequence number than the newest.
                event.seq = index % 7 == 6 ? UInt64(index) : UInt64(100 + index * 10)
                try! state.apply(.action(event))
                let code = codes[index]
                if code % 3 == 0, let newest = state.latestEventID {
                    seq += 1
                    try! state.apply(.undo(UndoEvent(id: "u\(seq)", seq: seq, target: newest, recorded: Self.now)))
                } else if code % 5 == 0, index > 0, state.events["e\((pick + index) % index + 1)"] != nil {
                    seq += 1
                    let target = "e\((pick + index) % index + 1)"
                    try! state.apply(.undo(UndoEvent(id: "u\(seq)", seq: seq, target: target, recorded: Self.now)))
                }
                let newest = state.events.values.max { $0.seq < $1.seq }
                #expect(state.latestEventID == newest?.id)
                let excluded: Set<String> = newest.map { [$0.id] } ?? []
                #expect(
                    state.latestEvent(excluding: excluded)?.id
                        == state.events.values.filter { !excluded.contains($0.id) }.max { $0.seq < $1.seq }?.id)
            }
        }
    }

    /// The quick score (and its reuse of each action's decayed points between entries at one
    /// instant, as a committed batch takes them) equals the score of the full breakdown.
    @Test func theQuickScoreEqualsTheBreakdown() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, pick in
            var state = ScoreState(model: Self.model)
            let at = Self.now + Int64(pick % (3 * 86_400))
            var activity = DecayedActivity(at: at)
            func fromBreakdown() -> [Pillar: Int] {
                Dictionary(
                    uniqueKeysWithValues: state.breakdown(at: at).map {
                        ($0.pillar, Int((min(Pillar.maximum, max(0, $0.score)) * 100).rounded()))
                    })
            }
            for (index, entry) in Self.events(codes).enumerated() {
                try! state.apply(entry)
                if case .action(let event) = entry { activity.forget(event.action) }
                if codes[index] % 4 == 0 {
                    try! state.apply(
                        .undo(
                            UndoEvent(
                                id: "u\(index)", seq: 5_000 + UInt64(index), target: "e\(index + 1)", recorded: at)))
                    activity.forgetAll()
                }
                #expect(state.score(reusing: &activity).pillarHundredths == fromBreakdown())
            }
            #expect(state.score(at: at).pillarHundredths == fromBreakdown())
        }
    }

    @Test func undoRestoresTheEarlierScoreExactly() async {
        await propertyCheck(count: 200, input: Self.streams, Gen.int(in: 0...Int.max >> 2)) { codes, extra in
            var state = Self.state(Self.events(codes))
            let before = state.explain(at: Self.now)
            let added = Self.events([extra])[0]
            guard case .action(var event) = added else { return }
            event.id = "extra"
            event.seq = 9_999
            try! state.apply(.action(event))
            try! state.apply(.undo(UndoEvent(id: "u", seq: 10_000, target: "extra", recorded: Self.now)))
            #expect(state.explain(at: Self.now) == before)
            #expect(
                state.history(days: 61, now: Self.now)
                    == Self.state(Self.events(codes)).history(days: 61, now: Self.now))
        }
    }
}

/// A small deterministic generator for shuffles.
struct Xorshift: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
