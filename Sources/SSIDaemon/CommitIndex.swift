import SSIDomain
import SSIJournal

/// What the store remembers of committed entries beside the score state, built the same way at
/// replay and at commit: the first answer for every request id within the horizon, and what each
/// undo took away.
struct CommitIndex {
    /// How long a request id is remembered, counted back from the newest record in the journal: a
    /// retry comes within seconds, and every id kept for ever made memory and start-up grow with
    /// the years of history.
    static let requestHorizon: Int64 = 7 * 86_400
    /// Request ids that start with these are derived from what they log (a row of an export, an
    /// event of a restored journal), not drawn at random: re-running an import a year later must
    /// still log nothing twice, so they are remembered for as long as the journal.
    static let lastingPrefixes = ["import-", "restore-"]

    /// A committed request: the entry it produced, and when.
    struct Committed: Equatable {
        var entryID: CompactID
        var recorded: Int64

        func isPast(_ horizonStart: Int64) -> Bool { recorded < horizonStart }
    }

    /// Committed request ids, those within the horizon and the lasting ones; ids past the horizon
    /// may still be here until the next `forgetRequests`, but answer as unused already.
    var requests: [CompactID: Committed] = [:]
    /// Events removed by undo, by id, so that a response can say what was undone: those a request
    /// can still ask for (`forgetRequests`).
    var undoneEvents: [String: ActionEvent] = [:]
    var undoneSnapshots: [String: SnapshotEvent] = [:]
    var snapshots: [String: SnapshotEvent] = [:]
    var undos: [String: UndoEvent] = [:]
    var pauses: [String: PauseEvent] = [:]
    /// The newest `recorded` of any committed entry: where the horizon is counted from.
    var newestRecorded = Int64.min
    /// How often, in the journal's time, what is past the horizon is swept out of memory.
    static let sweepInterval: Int64 = 86_400
    /// `newestRecorded` when the ids past the horizon were last forgotten.
    private var forgotten = Int64.min

    static func isLasting(_ requestID: CompactID) -> Bool {
        lastingPrefixes.contains { requestID.hasPrefix($0) }
    }

    /// Applies a committed entry to the state and remembers it.
    mutating func apply(_ entry: JournalEntry, to state: inout ScoreState) {
        switch entry {
        case .action: break
        case .snapshot(let snapshot): snapshots[snapshot.id] = snapshot
        case .undo(let undo):
            undos[undo.id] = undo
            if let event = state.events[undo.target] { undoneEvents[undo.target] = event }
            if let snapshot = state.snapshots[undo.target] { undoneSnapshots[undo.target] = snapshot }
        case .pause(let pause): pauses[pause.id] = pause
        }
        // A rejected entry (an undo of an unknown event) is kept in the file but changes nothing.
        try? state.apply(entry)
        newestRecorded = max(newestRecorded, entry.recorded)
        if let request = entry.requestID {
            requests[CompactID(request)] = Committed(entryID: CompactID(entry.id), recorded: entry.recorded)
        }
        // Once per day of the journal's time, so the table holds at most a horizon and a day of ids.
        if newestRecorded > forgotten.addingReportingOverflow(Self.sweepInterval).partialValue {
            forgetRequests()
        }
    }

    /// Forgets the request ids past the horizon (they already answer as unused), and the undos and
    /// undone entries no request left can ask for: memory only. An undo within the horizon is kept
    /// whether a request names it or not; an older one only for a lasting request.
    private mutating func forgetRequests() {
        let start = horizonStart
        let past = requests.compactMap { $0.value.isPast(start) && !Self.isLasting($0.key) ? $0.key : nil }
        for id in past { requests[id] = nil }
        let answered = Set(requests.values.map(\.entryID))
        undos = undos.filter { $0.value.recorded >= start || answered.contains(CompactID($0.key)) }
        let targets = Set(undos.values.map(\.target))
        undoneEvents = undoneEvents.filter { answered.contains(CompactID($0.key)) || targets.contains($0.key) }
        undoneSnapshots = undoneSnapshots.filter { answered.contains(CompactID($0.key)) || targets.contains($0.key) }
        forgotten = newestRecorded
    }

    /// The oldest `recorded` still within the horizon.
    private var horizonStart: Int64 {
        let start = newestRecorded.subtractingReportingOverflow(Self.requestHorizon)
        return start.overflow ? .min : start.partialValue
    }

    /// What a request id already stands for.
    enum Lookup {
        case unused
        case answered(JournalEntry)
        /// Its entry was rejected at replay (an undo of an unknown event): used, with no answer.
        case usedWithoutAnswer
    }

    func lookup(_ requestID: String, in state: ScoreState) -> Lookup {
        let key = CompactID(requestID)
        guard let committed = requests[key] else { return .unused }
        if committed.isPast(horizonStart), !Self.isLasting(key) { return .unused }
        let id = committed.entryID.text
        if let event = state.events[id] ?? undoneEvents[id] { return .answered(.action(event)) }
        if let snapshot = snapshots[id] { return .answered(.snapshot(snapshot)) }
        if let undo = undos[id] { return .answered(.undo(undo)) }
        if let pause = pauses[id] { return .answered(.pause(pause)) }
        return .usedWithoutAnswer
    }

    /// The event an undo removed.
    func undone(_ id: String) -> UndoneTarget? {
        undoneEvents[id].map(UndoneTarget.init) ?? undoneSnapshots[id].map(UndoneTarget.init)
    }
}
