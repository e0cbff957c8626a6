/// The score's state after a sequence of journal entries: a pure value, updated in O(1) in the
/// journal's length per event (a backdated or undone event touches only its own day and slot).
public struct ScoreState: Sendable {
    /// Why an entry could not be applied.
    public enum Rejection: Error, Equatable, CustomStringConvertible {
        case unknownEvent(String)
        case alreadyUndone(String)
        case duplicateEvent(String)

        public var description: String {
            switch self {
            case .unknownEvent(let id): "no event with id '\(id)'"
            case .alreadyUndone(let id): "event '\(id)' is already undone"
            case .duplicateEvent(let id): "event id '\(id)' is already in the journal"
            }
        }
    }

    public let model: ScoreModel
    public let calendar: LocalCalendar
    var inputs = ScoreInputs()
    /// Events that count, in sequence order and by id.
    public internal(set) var events = CountedEvents()
    /// Undone events, by id, with the id of the undo record.
    public internal(set) var undone = UndoneIDs()
    /// Undone action events per action name (for the metrics' counters).
    public internal(set) var undoneCounts: [String: Int] = [:]
    /// LinkedIn's numbers as recorded, by id (never part of the score).
    public internal(set) var snapshots: [String: SnapshotEvent] = [:]
    /// Alerts are silenced until this instant (`ssi-log pause`).
    public internal(set) var pausedUntil: Int64?
    /// The newest action event that still counts, by sequence number.
    public var latestEventID: String? { events.latest?.id }

    public init(model: ScoreModel) {
        self.model = model
        self.calendar = LocalCalendar(zone: model.zone)
    }

    /// The same state under a model that counts events the same way (the same
    /// `inputsFingerprint`: only scales, half-life, window or goals differ, which apply when a score
    /// is asked for): what a replay under `model` would build, without the replay.
    public func adopting(_ model: ScoreModel) -> ScoreState {
        precondition(model.inputsFingerprint == self.model.inputsFingerprint, "the model counts events differently")
        var adopted = ScoreState(model: model)
        adopted.inputs = inputs
        adopted.events = events
        adopted.undone = undone
        adopted.undoneCounts = undoneCounts
        adopted.snapshots = snapshots
        adopted.pausedUntil = pausedUntil
        return adopted
    }

    /// Applies one journal entry. A rejected entry changes nothing.
    public mutating func apply(_ entry: JournalEntry) throws(Rejection) {
        switch entry {
        case .action(let event):
            // The state keeps what scoring and undo need (`keptForScoring`); notes and links stay in
            // the journal.
            guard undone[event.id] == nil, events.insert(event) else {
                throw .duplicateEvent(event.id)
            }
            // The closure holds a copy of the events, not `self`: holding the whole state while
            // `inputs` changes would make every change copy the aggregates.
            let events = events
            inputs.add(event, model: model, calendar: calendar) {
                events.capEntries($0, day: $1, seqs: $2, calendar: calendar)
            }
        case .undo(let undo):
            if undone[undo.target] != nil { throw .alreadyUndone(undo.target) }
            if snapshots.removeValue(forKey: undo.target) != nil {
                undone[undo.target] = undo.id
                return
            }
            guard let event = events.remove(id: undo.target) else { throw .unknownEvent(undo.target) }
            undone[undo.target] = undo.id
            undoneCounts[event.action, default: 0] += 1
            let events = events
            inputs.remove(event, model: model, calendar: calendar) {
                events.capEntries($0, day: $1, seqs: $2, calendar: calendar)
            }
        case .pause(let pause):
            pausedUntil = pause.until
        case .snapshot(let snapshot):
            guard snapshots[snapshot.id] == nil, undone[snapshot.id] == nil else { throw .duplicateEvent(snapshot.id) }
            snapshots[snapshot.id] = snapshot
        }
    }

    /// The newest event that counts and is not in `excluded`, walking back from the newest.
    public func latestEvent(excluding excluded: Set<String>) -> ActionEvent? {
        events.latest(excluding: excluded)
    }

    /// The latest snapshot that counts at or before an instant (the newest page seen by then).
    public func latestSnapshot(atOrBefore instant: Int64 = .max) -> SnapshotEvent? {
        snapshots.values.filter { $0.occurred <= instant }.max {
            ($0.occurred, $0.seq) < ($1.occurred, $1.seq)
        }
    }

    /// The score at an instant, from every event that counts.
    public func score(at now: Int64) -> Score {
        var activity = DecayedActivity(at: now)
        return score(reusing: &activity)
    }

    static func score(of pillars: [PillarBreakdown]) -> Score {
        Score(pillarValues: Dictionary(uniqueKeysWithValues: pillars.map { ($0.pillar, $0.score) }))
    }

    /// Each pillar's components at an instant.
    public func breakdown(at now: Int64) -> [PillarBreakdown] { breakdown(inputs, at: now) }

    func breakdown(_ inputs: ScoreInputs, at now: Int64) -> [PillarBreakdown] {
        var components: [Pillar: [ScoreComponent]] = [:]
        var activity = DecayedActivity(at: now)
        eachComponent(inputs, activity: &activity) { pillar, name, kind, raw, detail in
            components[pillar, default: []].append(
                ScoreComponent(name: name, kind: kind, raw: raw, points: 0, detail: detail()))
        }
        return Pillar.allCases.map { pillar in
            var parts = components[pillar] ?? []
            let raw = parts.reduce(0) { $0 + $1.raw }
            let score = model.pillarScore(pillar, raw: raw)
            for index in parts.indices { parts[index].points = raw > 0 ? parts[index].raw / raw * score : 0 }
            return PillarBreakdown(pillar: pillar, raw: raw, score: score, components: parts)
        }
    }

    /// Every component of the score at `activity.now`, each pillar's in the order its raw points are
    /// summed: the one walk behind both `breakdown` and the quick `score(reusing:)`, so they agree to
    /// the last bit. `detail` builds the explanation's words only when asked; `activity` keeps each
    /// action's decayed points for the next walk at the same instant.
    func eachComponent(
        _ inputs: ScoreInputs, activity: inout DecayedActivity,
        _ visit: (Pillar, String, ScoreComponent.Kind, Double, () -> String) -> Void
    ) {
        let now = activity.now
        for name in model.actionNames {
            guard let series = inputs.activity[name], let definition = model.actions[name] else { continue }
            let raw: Double
            if let known = activity.points[name] {
                raw = known
            } else {
                raw = series.decayedPoints(at: now, model: model)
                activity.points[name] = raw
            }
            if raw > 0 { visit(definition.pillar, name, .activity, raw) { "decayed activity" } }
        }
        for name in model.tallyNames {
            let tally = model.tallies[name]!
            if let values = tally.distinctValues {
                let count = inputs.distinctCounts[name]?.count ?? 0
                visit(tally.pillar, name, .tally, tally.points * Double(count)) { "\(count) of \(values.count)" }
            } else {
                let count = inputs.tallyCounts[name] ?? 0
                visit(tally.pillar, name, .tally, tally.points(forWeightedCount: count)) {
                    "weighted count \(count.units)"
                }
            }
        }
        for name in model.rateNames {
            let rate = model.rates[name]!
            let hits = inputs.rates[name]?.hits ?? 0
            let tries = inputs.matureTries(name, at: now, delay: rate.delaySeconds)
            let value = rate.rate(hits: hits, tries: tries)
            visit(rate.pillar, name, .rate, rate.points * value) {
                "\(Int((value * 100).rounded()))% (\(hits) of \(tries), smoothed)"
            }
        }
        let active = activeDays(inputs, at: now)
        visit(model.activeDays.pillar, "active_days", .activeDays, Double(active) * model.activeDays.pointsPerDay) {
            "\(active) of the last \(self.model.activeDays.windowDays) days"
        }
    }

    func activeDays(_ inputs: ScoreInputs, at now: Int64) -> Int {
        let today = calendar.day(of: now)
        let window = Int64(max(0, model.activeDays.windowDays))
        guard window > 0 else { return 0 }
        if Int64(inputs.activeEvents.count) < window {
            return inputs.activeEvents.keys.count { $0 <= today && $0 > today - window }
        }
        return (0..<window).count { inputs.activeEvents[today - $0] != nil }
    }

    /// The units of an action logged on the local day of `now`.
    public func unitsLogged(_ action: String, onDayOf now: Int64) -> Int {
        inputs.unitsLogged(action, day: calendar.day(of: now))
    }
}
