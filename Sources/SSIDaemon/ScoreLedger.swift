import SSIDomain
import SSIJournal

/// The score state and what the store remembers beside it, built by one path: a replay of the
/// journal's entries at start-up and at reload, then one committed batch at a time.
struct ScoreLedger {
    /// An entry on disk and applied, with the score just before and just after it.
    struct Committed {
        var entry: JournalEntry
        var before: Score
        var after: Score
    }

    private(set) var state: ScoreState
    private(set) var index = CommitIndex()
    /// Records in the journal, damaged ones included: what `status` reports.
    private(set) var records: Int
    private(set) var lastSeq: UInt64
    /// When the newest record was written: the last moment the user saw the score.
    private(set) var lastRecorded: Int64?

    /// Replays a scanned journal under a model: the only way a ledger is built.
    init(scan: JournalScan, model: ScoreModel) {
        state = ScoreState(model: model)
        records = scan.entries.count + scan.damaged.count
        lastSeq = scan.nextSeq - 1
        lastRecorded = nil
        for entry in scan.entries { index.apply(entry, to: &state) }
        lastRecorded = scan.entries.map(\.recorded).max()
    }

    /// Applies a batch that is on disk; scores are taken once per entry, at `now`.
    mutating func commit(_ entries: [JournalEntry], at now: Int64) -> [Committed] {
        var score = state.score(at: now)
        var committed: [Committed] = []
        committed.reserveCapacity(entries.count)
        for entry in entries {
            index.apply(entry, to: &state)
            let after = state.score(at: now)
            committed.append(Committed(entry: entry, before: score, after: after))
            score = after
        }
        records += entries.count
        lastSeq = entries.last?.seq ?? lastSeq
        lastRecorded = entries.last?.recorded ?? lastRecorded
        return committed
    }

    /// The latest acknowledged event that is not undone and not in `excluded` (targets of undos
    /// still being written).
    func latestUndoable(excluding excluded: Set<String>) -> String? {
        if let latest = state.latestEventID, !excluded.contains(latest) { return latest }
        return state.events.values.filter { !excluded.contains($0.id) }.max(by: { $0.seq < $1.seq })?.id
    }
}
