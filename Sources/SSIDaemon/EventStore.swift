import NIOPosix
import SSIConfig
import SSIDomain
import SSIJournal
import SSIProtocol

/// The single writer: owns the journal and the score state. Appends are group-committed: while one
/// batch is being synced, new requests queue and go to disk together in the next sync.
public actor EventStore {
    /// An entry waiting for its batch to reach the disk.
    struct Pending {
        var requestID: String
        var build: @Sendable (UInt64) -> JournalEntry
        var waiters: [CheckedContinuation<Result<Committed, ProtocolError>, Never>]
    }

    /// An entry on disk and applied, with the score just before and just after it.
    struct Committed {
        var entry: JournalEntry
        var before: Score
        var after: Score
    }

    public private(set) var state: ScoreState
    public private(set) var configuration: Configuration
    let journal: JournalFile
    /// One thread does every journal write and sync, so records never interleave and a fault
    /// injected at the Nth call (strace counts per thread) hits the Nth append.
    let writer: NIOThreadPool
    let clock: @Sendable () -> Int64
    let startedAt: Int64
    private(set) var records: Int
    private(set) var lastSeq: UInt64
    /// When the newest record was written: the last moment the user saw the score.
    public private(set) var lastRecorded: Int64?
    /// The first answer for every committed request id, and what each undo took away.
    private var index = CommitIndex()
    private var pending: [Pending] = []
    private var pendingEventIDs: [String] = []
    private var pendingUndoTargets: Set<String> = []
    private var flushing = false
    /// Entries of the batch being written now: unacknowledged, so they count against the cap.
    private var inFlight = 0
    /// Called after each committed batch, in order, for journald entries and alerts.
    var committedObserver: (@Sendable ([JournalEntry], ScoreState, Int64, Score) async -> Void)?
    /// Called when the journal can no longer be trusted; the daemon exits and systemd restarts it.
    var fatalObserver: (@Sendable (String) -> Void)?

    /// Replays a scanned journal into a fresh state.
    public init(
        journal: JournalFile, scan: JournalScan, configuration: Configuration, clock: @escaping @Sendable () -> Int64
    ) {
        self.journal = journal
        self.writer = NIOThreadPool(numberOfThreads: 1)
        self.writer.start()
        self.configuration = configuration
        self.clock = clock
        self.startedAt = clock()
        var state = ScoreState(model: configuration.model)
        var index = CommitIndex()
        for entry in scan.entries { index.apply(entry, to: &state) }
        self.state = state
        self.index = index
        self.records = scan.entries.count + scan.damaged.count
        self.lastSeq = scan.nextSeq - 1
        self.lastRecorded = scan.entries.map(\.recorded).max()
    }

    public func setObservers(
        committed: (@Sendable ([JournalEntry], ScoreState, Int64, Score) async -> Void)?,
        fatal: (@Sendable (String) -> Void)?
    ) {
        committedObserver = committed
        fatalObserver = fatal
    }

    /// The current time as the store sees it (tests drive a simulated clock).
    public func now() -> Int64 { clock() }

    public var journalPath: String { journal.path }
    public var journalBytes: Int { journal.length }
    public var recordCount: Int { records }

    /// Logs an action; returns once its record is on disk, with the score before and after it.
    /// `repeated`: the request id was already committed, and this is the first answer again.
    public func log(
        _ request: LogRequest, requestID: String
    ) async throws(ProtocolError) -> (event: ActionEvent, before: Score, after: Score, repeated: Bool) {
        if let existing = try committedOrPending(requestID) {
            guard case .action(let event) = existing else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            let score = state.score(at: clock())
            return (event, score, score, true)
        }
        let now = clock()
        let event = try validate(request, requestID: requestID, now: now)
        let entry = await enqueue(requestID: requestID) { seq in
            var stamped = event
            stamped.seq = seq
            return .action(stamped)
        }
        let committed = try entry.get()
        guard case .action(let event) = committed.entry else { throw ProtocolError(.internalError, "wrong entry") }
        return (event, committed.before, committed.after, false)
    }

    /// Undoes an event (the latest when none is named); returns once the undo record is on disk.
    public func undo(target: String?, requestID: String) async throws(ProtocolError) -> (UndoEvent, ActionEvent) {
        if let existing = try committedOrPending(requestID) {
            guard case .undo(let undo) = existing, let event = index.undoneEvent(undo.target) else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            return (undo, event)
        }
        let targetID: String
        if let target {
            if state.undone[target] != nil || pendingUndoTargets.contains(target) {
                throw ProtocolError(.unknownEvent, "event '\(target)' is already undone")
            }
            guard state.events[target] != nil || pendingEventIDs.contains(target) else {
                throw ProtocolError(.unknownEvent, "no event with id '\(target)' (see ssi-log status for the last one)")
            }
            targetID = target
        } else {
            guard let latest = latestUndoable() else { throw ProtocolError(.unknownEvent, "there is no event to undo") }
            targetID = latest
        }
        pendingUndoTargets.insert(targetID)
        let now = clock()
        let undoID = newEventID()
        let result = await enqueue(requestID: requestID) { seq in
            .undo(UndoEvent(id: undoID, seq: seq, target: targetID, recorded: now, requestID: requestID))
        }
        pendingUndoTargets.remove(targetID)
        guard case .undo(let undo) = try result.get().entry, let event = index.undoneEvent(targetID) else {
            throw ProtocolError(.internalError, "undo was not applied")
        }
        return (undo, event)
    }

    /// Silences alerts until `until` (nil lifts the pause); returns once the record is on disk.
    public func pause(until text: String?, requestID: String) async throws(ProtocolError) -> PauseEvent {
        if let existing = try committedOrPending(requestID) {
            guard case .pause(let pause) = existing else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            return pause
        }
        let now = clock()
        var until: Int64?
        if let text {
            do {
                until = try TimeExpression.parse(text, now: now, calendar: state.calendar)
            } catch {
                throw ProtocolError(.badTime, error.description)
            }
            guard let end = until, end > now else { throw ProtocolError(.badTime, "'\(text)' is not in the future") }
        }
        let id = newEventID()
        let end = until
        let result = await enqueue(requestID: requestID) { seq in
            .pause(PauseEvent(id: id, seq: seq, until: end, recorded: now, requestID: requestID))
        }
        guard case .pause(let pause) = try result.get().entry else {
            throw ProtocolError(.internalError, "wrong entry")
        }
        return pause
    }

    private func latestUndoable() -> String? {
        if let pendingID = pendingEventIDs.last(where: { !pendingUndoTargets.contains($0) }) { return pendingID }
        return state.events.values.filter { !pendingUndoTargets.contains($0.id) }.max(by: { $0.seq < $1.seq })?.id
    }

    private func committedOrPending(_ requestID: String) throws(ProtocolError) -> JournalEntry? {
        switch index.lookup(requestID, in: state) {
        case .answered(let entry): return entry
        case .usedWithoutAnswer: throw ProtocolError(.invalidArgument, "request id '\(requestID)' was already used")
        case .unused: break
        }
        if pending.contains(where: { $0.requestID == requestID }) {
            throw ProtocolError(.temporary, "request '\(requestID)' is still being written; retry")
        }
        return nil
    }

    func validate(_ request: LogRequest, requestID: String, now: Int64) throws(ProtocolError) -> ActionEvent {
        let model = state.model
        guard let definition = model.actions[request.action] else {
            throw ProtocolError(
                .unknownAction, "unknown action '\(request.action)' (ssi-log actions lists the catalog)")
        }
        var occurred = now
        if let at = request.at {
            do {
                occurred = try TimeExpression.parse(at, now: now, calendar: state.calendar)
            } catch {
                throw ProtocolError(.badTime, error.description)
            }
            guard occurred <= now + 300 else { throw ProtocolError(.badTime, "'\(at)' is in the future") }
            guard occurred >= 0 else { throw ProtocolError(.badTime, "'\(at)' is before 1970") }
        }
        let tally = definition.tally.flatMap { model.tallies[$0] }
        if let values = tally?.distinctValues {
            guard let section = request.section else {
                throw ProtocolError(
                    .invalidArgument, "\(request.action) needs --section (\(values.joined(separator: ", ")))")
            }
            guard values.contains(section) else {
                throw ProtocolError(
                    .invalidArgument, "unknown section '\(section)' (\(values.joined(separator: ", ")))")
            }
        } else if request.section != nil {
            throw ProtocolError(.invalidArgument, "\(request.action) takes no --section")
        }
        guard (request.note?.utf8.count ?? 0) <= 4096 else { throw ProtocolError(.invalidArgument, "note over 4 KiB") }
        guard (request.url?.utf8.count ?? 0) <= 2048 else { throw ProtocolError(.invalidArgument, "url over 2 KiB") }
        guard request.tags.count <= 16, request.tags.allSatisfy({ $0.utf8.count <= 64 }) else {
            throw ProtocolError(.invalidArgument, "at most 16 tags of at most 64 bytes")
        }
        let id = newEventID()
        pendingEventIDs.append(id)
        return ActionEvent(
            id: id, seq: 0, action: request.action, occurred: occurred, recorded: now, count: request.count,
            tags: request.tags, section: request.section, note: request.note, url: request.url, requestID: requestID)
    }

    func newEventID() -> String {
        while true {
            let value = UInt64.random(in: 1...UInt64.max)
            let hex = String(value, radix: 16)
            let id = String(repeating: "0", count: 16 - hex.count) + hex
            if state.events[id] == nil, state.undone[id] == nil, !pendingEventIDs.contains(id) { return id }
        }
    }

    private func enqueue(
        requestID: String, _ build: @escaping @Sendable (UInt64) -> JournalEntry
    ) async -> Result<Committed, ProtocolError> {
        // Back-pressure: a full queue refuses instead of growing without bound.
        guard pending.count + inFlight < configuration.daemon.maxPendingEvents else {
            return .failure(ProtocolError(.temporary, "too many events waiting for the disk; retry later"))
        }
        return await withCheckedContinuation { continuation in
            pending.append(Pending(requestID: requestID, build: build, waiters: [continuation]))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    /// Writes every queued entry with one sync, then applies them in order, until the queue is empty.
    private func flush() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            inFlight = batch.count
            defer { inFlight = 0 }
            var seq = lastSeq
            let entries = batch.map { item -> JournalEntry in
                seq += 1
                return item.build(seq)
            }
            let lines = entries.map(JournalRecord.encode)
            let journal = self.journal
            let outcome: Result<Void, JournalError>
            do {
                try await writer.runIfActive { try journal.append(lines) }
                outcome = .success(())
            } catch let error as JournalError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(.io("journal writer unavailable: \(error)"))
            }
            switch outcome {
            case .success:
                // Scores are taken here, off the path before the write, once per entry and batch.
                let now = clock()
                var score = state.score(at: now)
                var committed: [Committed] = []
                committed.reserveCapacity(entries.count)
                for entry in entries {
                    index.apply(entry, to: &state)
                    let after = state.score(at: now)
                    committed.append(Committed(entry: entry, before: score, after: after))
                    score = after
                }
                lastSeq = seq
                records += entries.count
                removePendingIDs(entries)
                for (item, result) in zip(batch, committed) {
                    for waiter in item.waiters { waiter.resume(returning: .success(result)) }
                }
                lastRecorded = entries.last?.recorded ?? lastRecorded
                if let observer = committedObserver { await observer(entries, state, now, score) }
            case .failure(let error):
                removePendingIDs(entries)
                let failure: ProtocolError
                switch error {
                case .noSpace(let message): failure = ProtocolError(.temporary, message)
                case .syncFailed(let message):
                    failure = ProtocolError(.ioError, message)
                    fatalObserver?(message)
                default: failure = ProtocolError(.ioError, error.description)
                }
                for item in batch {
                    for waiter in item.waiters { waiter.resume(returning: .failure(failure)) }
                }
            }
        }
        flushing = false
    }

    private func removePendingIDs(_ entries: [JournalEntry]) {
        let ids = Set(entries.map(\.id))
        pendingEventIDs.removeAll { ids.contains($0) }
    }

    /// Stops the writer thread once the queue is written; later appends fail. For tests that make
    /// many stores: the daemon's one store lives as long as the process.
    public func shutdown() async {
        await drain()
        try? await writer.shutdownGracefully()
    }

    /// Returns once no batch is being written.
    public func drain() async {
        while flushing { try? await Task.sleep(for: .milliseconds(1)) }
    }

    /// Swaps in a new configuration: the journal replayed under the new model. Waits for queued
    /// appends so that the file read back holds them.
    public func reload(_ configuration: Configuration) throws(JournalError) {
        let scan = try JournalVerification.scanFile(journal.path)
        var state = ScoreState(model: configuration.model)
        for entry in scan.entries { try? state.apply(entry) }
        self.state = state
        self.configuration = configuration
    }
}
