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
    /// The journal's end as this ledger has read it: where a checkpoint of it resumes.
    private(set) var end: JournalPosition
    /// Events typed by hand (no source), per action, by when they happened: what an import checks
    /// so that an action typed and then imported is not counted twice. Kept by seq, not id: no
    /// string per event, and an undone one is simply no longer found. Built from the events on an
    /// import's first check and dropped once imports stop (`typedIdleSeconds`): 16 bytes per event
    /// that only an import needs, so a daemon that imports nothing never holds it.
    private(set) var typed: [String: [(occurred: Int64, seq: UInt64)]]?
    /// The journal time of the last import check, while `typed` is built.
    private var typedLastUsed = Int64.min
    /// How long `typed` outlives the last import check (journal time; a batch drops it).
    static let typedIdleSeconds: Int64 = 300
    /// Which import request each typed event already stands for: one typed event absorbs one
    /// imported row, not every row near it. In memory: after a restart the rows already logged
    /// answer as repeated, and the others find the same typed events again.
    private var claims: [String: String] = [:]

    /// Replays a scanned journal under a model: the whole file, or (`resuming`) the records after a
    /// checkpoint's ledger, which must be the one `scan.start` continues.
    init(scan: JournalScan, model: ScoreModel, resuming checkpoint: ScoreLedger? = nil) {
        if let checkpoint {
            self = checkpoint
        } else {
            state = ScoreState(model: model)
            records = 0
            lastSeq = 0
            lastRecorded = nil
            end = .start
        }
        replay(scan)
    }

    /// Applies a scan that continues this ledger (`scan.start` is its `end`).
    mutating func replay(_ scan: JournalScan) {
        records += scan.entries.count + scan.damaged.count
        lastSeq = max(lastSeq, scan.nextSeq - 1)
        for entry in scan.entries {
            index.apply(entry, to: &state)
            remember(entry)
            lastRecorded = max(lastRecorded ?? entry.recorded, entry.recorded)
        }
        end = scan.end
    }

    /// Takes a model that counts events the same way (`ScoreState.adopting`): nothing is replayed.
    mutating func adopt(_ model: ScoreModel) {
        state = state.adopting(model)
    }

    /// Takes over what only this process remembers (the typed index and its claims, for an import
    /// going on across the swap) from the ledger this one replaces, of the same records.
    mutating func keepTransient(of replaced: ScoreLedger) {
        typed = replaced.typed
        typedLastUsed = replaced.typedLastUsed
        claims = replaced.claims
    }

    /// A ledger read back from a checkpoint (`ScoreLedger+Checkpoint`).
    init(
        state: ScoreState, index: CommitIndex, records: Int, lastSeq: UInt64, lastRecorded: Int64?,
        end: JournalPosition
    ) {
        self.state = state
        self.index = index
        self.records = records
        self.lastSeq = lastSeq
        self.lastRecorded = lastRecorded
        self.end = end
    }

    /// Applies a batch that is on disk and ends the journal at `journalLength`; scores are taken once
    /// per entry, at `now`.
    mutating func commit(_ entries: [JournalEntry], at now: Int64, journalLength: Int) -> [Committed] {
        var activity = DecayedActivity(at: now)
        var score = state.score(reusing: &activity)
        var committed: [Committed] = []
        committed.reserveCapacity(entries.count)
        for entry in entries {
            index.apply(entry, to: &state)
            remember(entry)
            switch entry {
            case .action(let event): activity.forget(event.action)
            case .undo: activity.forgetAll()
            case .snapshot, .pause: break
            }
            let after = state.score(reusing: &activity)
            committed.append(Committed(entry: entry, before: score, after: after))
            score = after
        }
        if typed != nil, now - typedLastUsed > Self.typedIdleSeconds { typed = nil }
        records += entries.count
        lastSeq = entries.last?.seq ?? lastSeq
        lastRecorded = entries.last?.recorded ?? lastRecorded
        end = JournalPosition(
            offset: journalLength, lastSeq: lastSeq, lineCount: end.lineCount + entries.count, damagedSinceGood: 0)
        return committed
    }

    private mutating func remember(_ entry: JournalEntry) {
        guard typed != nil, case .action(let event) = entry, event.source == nil else { return }
        // Taken out and put back: a copy of the list per event made replay quadratic.
        var list = typed?.removeValue(forKey: event.action) ?? []
        let position = list.lastIndex { $0.occurred <= event.occurred }.map { $0 + 1 } ?? 0
        list.insert((event.occurred, event.seq), at: position)
        typed?[event.action] = list
    }

    /// The typed events that count, per action, in the order `remember` keeps: by when they
    /// happened, then by seq.
    private func typedIndex() -> [String: [(occurred: Int64, seq: UInt64)]] {
        var index: [String: [(occurred: Int64, seq: UInt64)]] = [:]
        state.events.forEachTyped { action, occurred, seq in index[action, default: []].append((occurred, seq)) }
        for action in index.keys {
            // Events are in seq order and almost always in time order too: sort only when not.
            if let list = index[action], zip(list, list.dropFirst()).contains(where: { $0.occurred > $1.occurred }) {
                index[action] = list.sorted { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }
            }
        }
        return index
    }

    /// A typed event of `action` (still counting, not standing for another request) within `window`
    /// seconds of `occurred`, claimed for `requestID`; `now` (journal time) keeps the index built.
    mutating func claimTyped(
        _ action: String, near occurred: Int64, within window: Int64, for requestID: String, at now: Int64
    ) -> String? {
        if typed == nil { typed = typedIndex() }
        typedLastUsed = max(typedLastUsed, now)
        guard let list = typed?[action] else { return nil }
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].occurred < occurred - window { low = middle + 1 } else { high = middle }
        }
        for item in list[low...] {
            guard item.occurred <= occurred + window else { break }
            if let event = state.events[seq: item.seq], claims[event.id, default: requestID] == requestID {
                claims[event.id] = requestID
                return event.id
            }
        }
        return nil
    }

    /// The latest acknowledged event that is not undone and not in `excluded` (targets of undos
    /// still being written).
    func latestUndoable(excluding excluded: Set<String>) -> String? {
        let event = state.latestEvent(excluding: excluded)
        let snapshot = state.snapshots.values.filter { !excluded.contains($0.id) }.max(by: { $0.seq < $1.seq })
        guard let snapshot, snapshot.seq > event?.seq ?? 0 else { return event?.id }
        return snapshot.id
    }
}
