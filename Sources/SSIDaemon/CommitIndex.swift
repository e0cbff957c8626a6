import SSIDomain
import SSIJournal

/// What the store remembers of committed entries beside the score state, built the same way at
/// replay and at commit: the first answer for every request id, and what each undo took away.
struct CommitIndex {
    /// Committed request ids and the entry id each produced.
    var requests: [String: String] = [:]
    /// Events removed by undo, by id, so that a response can say what was undone.
    var undoneEvents: [String: ActionEvent] = [:]
    var undoneSnapshots: [String: SnapshotEvent] = [:]
    var snapshots: [String: SnapshotEvent] = [:]
    var undos: [String: UndoEvent] = [:]
    var pauses: [String: PauseEvent] = [:]

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
        if let request = entry.requestID { requests[request] = entry.id }
    }

    /// What a request id already stands for.
    enum Lookup {
        case unused
        case answered(JournalEntry)
        /// Its entry was rejected at replay (an undo of an unknown event): used, with no answer.
        case usedWithoutAnswer
    }

    func lookup(_ requestID: String, in state: ScoreState) -> Lookup {
        guard let id = requests[requestID] else { return .unused }
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
