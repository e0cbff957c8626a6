import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SSIConfig
import SSIDomain
import SSIJournal
import SSIProtocol
import SSISystem

/// The single writer of the score: it validates requests, queues them for group commit (while one
/// batch is being synced, new requests queue and go to disk together in the next sync), applies
/// each durable batch to its ledger, and then hands the batch to `committed`'s consumer.
public actor EventStore {
    private(set) var ledger: ScoreLedger
    public private(set) var configuration: Configuration
    let writer: JournalWriter
    let clock: @Sendable () -> Int64
    nonisolated let startedAt: Int64
    private var queue = GroupCommitQueue()
    private var flushing = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Bytes of the journal known to be complete records, as the writer last reported them.
    public private(set) var journalBytes: Int
    /// Every durable batch, in order, for journald entries and alert checks. Yielding never waits,
    /// so a slow consumer never stands between one batch's sync and the next batch's write.
    public nonisolated let committed: AsyncStream<CommittedBatch>
    private let committedContinuation: AsyncStream<CommittedBatch>.Continuation
    /// Finishes with a message when the journal can no longer be trusted (a failed sync): the
    /// daemon's service group then stops with exit 70 and systemd restarts it.
    public nonisolated let failure: AsyncStream<String>
    private let failureContinuation: AsyncStream<String>.Continuation

    /// Writes a checkpoint of the ledger after this many records (and at shutdown).
    static let checkpointInterval = 10_000
    /// Nil for a store without a state directory of its own (tests on a simulated disk).
    private let checkpoints: CheckpointWriter?
    private var checkpointRunning = false
    /// Records committed since the last checkpoint that was written (or since start, when none).
    private var recordsSinceCheckpoint: Int
    /// Why the last checkpoint could not be written, if it could not. Nothing depends on it: the
    /// next start then replays more of the journal (and says so in the log).
    public private(set) var checkpointProblem: String?

    /// The event loop the store's actor runs on. The daemon serves its socket from the same loop,
    /// so a request goes from the socket to the store and back on one thread; the writer thread's
    /// sync is the one hop left. What the store does without awaiting holds the loop: what walks
    /// every event (a reload's replay) runs elsewhere (`EventStore.offTheLoop`).
    public nonisolated let loop: any EventLoop
    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }
    /// The loop as a task executor, for tasks that should run beside the store (its own flush, the
    /// socket server's connections).
    nonisolated let loopExecutor: EventLoopTaskExecutor

    /// Replays a scanned journal into a fresh ledger, or the records after a checkpoint's ledger
    /// (`resuming`, which the scan must continue from).
    public init(
        journal: JournalFile, scan: JournalScan, configuration: Configuration, clock: @escaping @Sendable () -> Int64,
        loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    ) {
        self.init(
            journal: journal, scan: scan, resuming: nil, checkpointDirectory: nil, configuration: configuration,
            clock: clock, loop: loop)
    }

    /// `checkpointDirectory`: where the ledger's checkpoint is kept (the state directory); nil keeps none.
    /// `loop`: where the actor runs (see `loop`).
    init(
        journal: JournalFile, scan: JournalScan, resuming checkpoint: LedgerCheckpoint?, checkpointDirectory: String?,
        configuration: Configuration, clock: @escaping @Sendable () -> Int64,
        loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    ) {
        self.loop = loop
        self.loopExecutor = EventLoopTaskExecutor(loop: loop)
        self.writer = JournalWriter(journal: journal)
        self.configuration = configuration
        self.clock = clock
        self.startedAt = clock()
        let resumed = checkpoint.flatMap { scan.start == $0.anchor.position ? $0.ledger : nil }
        self.ledger = ScoreLedger(scan: scan, model: configuration.model, resuming: resumed)
        // A rebuilt ledger is worth saving at once; a resumed one after its tail grows long.
        self.recordsSinceCheckpoint = resumed == nil ? Self.checkpointInterval : scan.entries.count
        self.checkpoints = checkpointDirectory.map(CheckpointWriter.init(directory:))
        self.journalBytes = journal.length
        (committed, committedContinuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        (failure, failureContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public var state: ScoreState { ledger.state }
    public var lastRecorded: Int64? { ledger.lastRecorded }

    /// The current time as the store sees it (tests drive a simulated clock).
    public func now() -> Int64 { clock() }

    public nonisolated var journalPath: String { writer.journal.path }
    public var recordCount: Int { ledger.records }

    /// Logs an action; returns once its record is on disk, with the score before and after it.
    /// `repeated`: the request id was already committed, and this is the first answer again.
    /// `queued` is called once the entry is in the queue (not when refused or repeated).
    public func log(
        _ request: LogRequest, requestID: String, queued: @Sendable () -> Void = {}
    ) async throws(ProtocolError) -> (
        event: ActionEvent, before: Score, after: Score, repeated: Bool, duplicateOf: String?
    ) {
        if let existing = try committedOrPending(requestID) {
            guard case .action(let event) = existing else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            let score = state.score(at: clock())
            return (event, score, score, true, nil)
        }
        let now = clock()
        let event = try validate(request, requestID: requestID, now: now)
        if let window = request.typedWithin,
            let typed = ledger.claimTyped(
                event.action, near: event.occurred, within: Int64(max(0, window)), for: requestID, at: now)
        {
            // The same action, typed by hand: reported, not logged, and the request id stays unused.
            let score = state.score(at: now)
            return (event, score, score, false, typed)
        }
        let committed = try await enqueue(requestID: requestID, eventID: event.id, queued: queued) { seq in
            var stamped = event
            stamped.seq = seq
            return .action(stamped)
        }.get()
        guard case .action(let event) = committed.entry else { throw ProtocolError(.internalError, "wrong entry") }
        return (event, committed.before, committed.after, false, nil)
    }

    /// Undoes an acknowledged event (the latest when none is named); returns once the undo record
    /// is on disk.
    func undo(target: String?, requestID: String) async throws(ProtocolError) -> (UndoEvent, UndoneTarget) {
        if let existing = try committedOrPending(requestID) {
            guard case .undo(let undo) = existing, let event = ledger.index.undone(undo.target) else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            return (undo, event)
        }
        let beingUndone = queue.undoTargets
        let targetID: String
        if let target {
            if state.undone[target] != nil || beingUndone.contains(target) {
                throw ProtocolError(.unknownEvent, "event '\(target)' is already undone")
            }
            guard state.events[target] != nil || state.snapshots[target] != nil else {
                throw ProtocolError(.unknownEvent, "no event with id '\(target)' (see ssi-log status for the last one)")
            }
            targetID = target
        } else {
            guard let latest = ledger.latestUndoable(excluding: beingUndone) else {
                throw ProtocolError(.unknownEvent, "there is no event to undo")
            }
            targetID = latest
        }
        let now = clock()
        let undoID = newEventID()
        let committed = try await enqueue(requestID: requestID, eventID: undoID, undoTarget: targetID) { seq in
            .undo(UndoEvent(id: undoID, seq: seq, target: targetID, recorded: now, requestID: requestID))
        }.get()
        guard case .undo(let undo) = committed.entry, let event = ledger.index.undone(targetID) else {
            throw ProtocolError(.internalError, "undo was not applied")
        }
        return (undo, event)
    }

    /// Records what LinkedIn's SSI page showed; returns once the record is on disk. Never part of the
    /// score.
    public func snapshot(_ request: SnapshotRequest, requestID: String) async throws(ProtocolError) -> SnapshotEvent {
        if let existing = try committedOrPending(requestID) {
            guard case .snapshot(let snapshot) = existing else {
                throw ProtocolError(.invalidArgument, "request id '\(requestID)' was used for another operation")
            }
            return snapshot
        }
        let now = clock()
        let occurred = try pastInstant(request.at, now: now)
        let values: SnapshotValues
        do throws(SnapshotValues.Invalid) {
            values = try SnapshotValues(
                total: request.total, pillarThousandths: request.pillarThousandths, industryRank: request.industryRank,
                networkRank: request.networkRank)
        } catch {
            throw ProtocolError(.invalidArgument, error.description)
        }
        let id = newEventID()
        let shown = occurred
        let committed = try await enqueue(requestID: requestID, eventID: id) { seq in
            .snapshot(
                SnapshotEvent(id: id, seq: seq, occurred: shown, recorded: now, values: values, requestID: requestID))
        }.get()
        guard case .snapshot(let snapshot) = committed.entry else { throw ProtocolError(.internalError, "wrong entry") }
        return snapshot
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
                until = try TimeExpression.parse(text, now: now, calendar: state.calendar, direction: .future)
            } catch {
                throw ProtocolError(.badTime, error.description)
            }
            guard let end = until, end > now else { throw ProtocolError(.badTime, "'\(text)' is not in the future") }
        }
        let id = newEventID()
        let end = until
        let committed = try await enqueue(requestID: requestID, eventID: id) { seq in
            .pause(PauseEvent(id: id, seq: seq, until: end, recorded: now, requestID: requestID))
        }.get()
        guard case .pause(let pause) = committed.entry else { throw ProtocolError(.internalError, "wrong entry") }
        return pause
    }

    private func committedOrPending(_ requestID: String) throws(ProtocolError) -> JournalEntry? {
        switch ledger.index.lookup(requestID, in: state) {
        case .answered(let entry): return entry
        case .usedWithoutAnswer: throw ProtocolError(.invalidArgument, "request id '\(requestID)' was already used")
        case .unused: break
        }
        if queue.contains(requestID: requestID) {
            throw ProtocolError(.temporary, "request '\(requestID)' is still being written; retry")
        }
        return nil
    }

    func validate(_ request: LogRequest, requestID: String, now: Int64) throws(ProtocolError) -> ActionEvent {
        let model = state.model
        guard let definition = model.actions[request.action] else {
            let nearest = NameSuggestion.nearest(to: request.action, among: model.actionNames)
            let hint = nearest.isEmpty ? "" : "did you mean \(nearest.joined(separator: " or "))? "
            throw ProtocolError(
                .unknownAction, "unknown action '\(request.action)' (\(hint)ssi-log actions lists the catalog)")
        }
        let occurred = try pastInstant(request.at, now: now)
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
        guard (request.source?.utf8.count ?? 0) <= 512 else {
            throw ProtocolError(.invalidArgument, "source over 512 bytes")
        }
        guard request.tags.count <= 16, request.tags.allSatisfy({ $0.utf8.count <= 64 }) else {
            throw ProtocolError(.invalidArgument, "at most 16 tags of at most 64 bytes")
        }
        let id = newEventID()
        return ActionEvent(
            id: id, seq: 0, action: request.action, occurred: occurred, recorded: now, count: request.count,
            tags: request.tags, section: request.section, note: request.note, url: request.url, requestID: requestID,
            source: request.source)
    }

    /// When something happened, as typed (`--at`): now when not given; never in the future (five
    /// minutes of clock skew aside) nor before 1970.
    func pastInstant(_ at: String?, now: Int64) throws(ProtocolError) -> Int64 {
        guard let at else { return now }
        let occurred: Int64
        do {
            occurred = try TimeExpression.parse(at, now: now, calendar: state.calendar)
        } catch {
            throw ProtocolError(.badTime, error.description)
        }
        guard occurred <= now + 300 else { throw ProtocolError(.badTime, "'\(at)' is in the future") }
        guard occurred >= 0 else { throw ProtocolError(.badTime, "'\(at)' is before 1970") }
        return occurred
    }

    func newEventID() -> String {
        while true {
            let id = Hex.randomID()
            if state.events[id] == nil, state.snapshots[id] == nil, state.undone[id] == nil, !queue.holds(eventID: id) {
                return id
            }
        }
    }

    /// Queues an entry for the next batch, or refuses it (leaving no trace) when the queue is full.
    private func enqueue(
        requestID: String, eventID: String, undoTarget: String? = nil, queued: @Sendable () -> Void = {},
        _ build: @escaping @Sendable (UInt64) -> JournalEntry
    ) async -> Result<ScoreLedger.Committed, ProtocolError> {
        // Back-pressure: a full queue refuses instead of growing without bound.
        guard queue.count < configuration.daemon.maxPendingEvents else {
            return .failure(ProtocolError(.temporary, "too many events waiting for the disk; retry later"))
        }
        return await withCheckedContinuation { continuation in
            queue.append(
                GroupCommitQueue.Item(
                    requestID: requestID, eventID: eventID, undoTarget: undoTarget, build: build,
                    waiter: continuation))
            queued()
            if !flushing {
                flushing = true
                // On the loop, the writer's answer comes straight back to it, not by a pool thread.
                Task(executorPreference: loopExecutor) { await self.flush() }
            }
        }
    }

    /// Writes every queued entry with one sync, then applies them in order, until the queue is empty.
    private func flush() async {
        while !queue.isEmpty {
            let batch = queue.takeBatch()
            var seq = ledger.lastSeq
            let entries = batch.map { item -> JournalEntry in
                seq += 1
                return item.build(seq)
            }
            let outcome = await writer.append(entries.map(JournalRecord.encode))
            switch outcome {
            case .success(let length):
                journalBytes = length
                // Scores are taken here, off the path before the write, once per entry and batch.
                let now = clock()
                let committed = ledger.commit(entries, at: now, journalLength: length)
                recordsSinceCheckpoint += entries.count
                if recordsSinceCheckpoint >= Self.checkpointInterval { startCheckpoint() }
                queue.finishBatch()
                for (item, result) in zip(batch, committed) { item.waiter.resume(returning: .success(result)) }
                let score = committed.last?.after ?? state.score(at: now)
                let done = CommittedBatch(
                    entries: entries, model: state.model, calendar: state.calendar, pausedUntil: state.pausedUntil,
                    now: now, score: score)
                committedContinuation.yield(done)
            case .failure(let error):
                queue.finishBatch()
                let failure: ProtocolError
                switch error {
                case .noSpace(let message): failure = ProtocolError(.temporary, message)
                case .syncFailed(let message):
                    failure = ProtocolError(.ioError, message)
                    failureContinuation.yield(message)
                    failureContinuation.finish()
                default: failure = ProtocolError(.ioError, error.description)
                }
                for item in batch { item.waiter.resume(returning: .failure(failure)) }
            }
        }
        flushing = false
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Stops the writer thread once the queue is written; later appends fail. For tests that make
    /// many stores: the daemon's one store lives as long as the process.
    public func shutdown() async {
        await drain()
        await checkpointSettled()
        if let checkpoints, recordsSinceCheckpoint > 0, writer.journal.failure == nil {
            checkpointProblem = await checkpoints.write(
                ledger, journal: writer.journal, fingerprint: configuration.model.inputsFingerprint)
        }
        committedContinuation.finish()
        await writer.shutdown()
        await checkpoints?.shutdown()
    }

    private var checkpointWaiters: [CheckedContinuation<Void, Never>] = []
    private var reloading = false
    private var reloadWaiters: [CheckedContinuation<Void, Never>] = []

    /// Returns once no checkpoint is being written or read back.
    func checkpointSettled() async {
        while checkpointRunning { await withCheckedContinuation { checkpointWaiters.append($0) } }
    }

    /// Saves the ledger in the background when the records since the last checkpoint call for it
    /// (at start after a rebuild or a long tail; the daemon calls it once it is serving).
    public func checkpointIfDue() {
        if recordsSinceCheckpoint >= 1_000 { startCheckpoint() }
    }

    /// Hands a copy of the ledger to the checkpoint thread. The copy shares storage with the live
    /// ledger until the next commit changes it, which then pays one copy of what it changes.
    private func startCheckpoint() {
        guard let checkpoints, !checkpointRunning, writer.journal.failure == nil, ledger.records > 0 else { return }
        checkpointRunning = true
        // Boxed, and taken out to be written: once written, nothing holds the image.
        let image = NIOLockedValueBox<ScoreLedger?>(ledger)
        recordsSinceCheckpoint = 0
        let model = configuration.model
        Task {
            let problem = await checkpoints.write(
                image.withLockedValue { $0.take()! }, journal: writer.journal, fingerprint: model.inputsFingerprint)
            // From now on the events it sealed are read from it, as after a restart: the copies in
            // memory (every event after a rebuild, those added since start otherwise) are let go.
            let sealed = problem == nil ? await checkpoints.readBack(model: model) : nil
            if self.checkpointFinished(problem: problem, sealed: sealed) {
                // What the image and the replaced ledger held goes back to the system, not only to malloc.
                await checkpoints.returnFreedMemory()
            }
        }
    }

    /// Whether the ledger was swapped for the checkpoint's.
    private func checkpointFinished(problem: String?, sealed: ScoreLedger?) -> Bool {
        checkpointRunning = false
        checkpointProblem = problem
        let model = configuration.model
        // Not after a reload to a model that counts differently: that ledger is of the old one.
        var swapped = false
        if var sealed, sealed.state.model.inputsFingerprint == model.inputsFingerprint {
            sealed.adopt(model)
            if var caughtUp = try? caughtUp(sealed, model: model) {
                caughtUp.keepTransient(of: ledger)
                ledger = caughtUp
                swapped = true
            }
        }
        // A failed write is retried after as many records again, not at once in a loop; one asked
        // for while this one was written (a reload's, of the new model) starts now.
        if recordsSinceCheckpoint >= Self.checkpointInterval { startCheckpoint() }
        let waiters = checkpointWaiters
        checkpointWaiters = []
        for waiter in waiters { waiter.resume() }
        return swapped
    }

    /// Returns once no batch is being written or waiting.
    public func drain() async {
        while flushing { await withCheckedContinuation { idleWaiters.append($0) } }
    }

    /// Swaps in a new configuration; returns how many records were replayed for it (nil: none had
    /// to be). A model that counts events as the current one does (the same `inputsFingerprint`:
    /// scales, half-life, window, goals, or only settings beside the model changed) takes the
    /// ledger as it is: nothing is replayed. Otherwise the journal's committed records are replayed
    /// under the new model on another thread (seconds at a million events: logs are served and
    /// acknowledged meanwhile), then, back on the loop with no suspension until the swap, the
    /// records committed since; a batch still being written commits into the new ledger. Reloads
    /// take turns.
    /// `whileReplaying` runs after the replay, before the catch-up (tests log there).
    @discardableResult
    public func reload(
        _ configuration: Configuration, whileReplaying: @Sendable () async -> Void = {}
    ) async throws(JournalError) -> Int? {
        while reloading { await withCheckedContinuation { reloadWaiters.append($0) } }
        reloading = true
        defer {
            reloading = false
            let waiters = reloadWaiters
            reloadWaiters = []
            for waiter in waiters { waiter.resume() }
        }
        let model = configuration.model
        guard model.inputsFingerprint != self.configuration.model.inputsFingerprint else {
            ledger.adopt(model)
            self.configuration = configuration
            return nil
        }
        let (journal, committedEnd) = (writer.journal, ledger.end.offset)
        let replay = await Self.offTheLoop { () -> Result<ScoreLedger, JournalError> in
            Result { () throws(JournalError) in try ScoreLedger.replaying(journal, upTo: committedEnd, model: model) }
        }
        let rebuilt = try replay.get()
        await whileReplaying()
        ledger = try caughtUp(rebuilt, model: model)
        self.configuration = configuration
        // The checkpoint on disk is of the old model: the next one is due now.
        recordsSinceCheckpoint = Self.checkpointInterval
        checkpointIfDue()
        return ledger.records
    }

    /// A ledger of the journal up to an earlier end, with the records committed since read back and
    /// applied under `model`: the store's ledger, to be swapped in before anything suspends. A
    /// batch being written meanwhile is not among them and commits into whichever ledger is then
    /// the store's.
    private func caughtUp(_ rebuilt: ScoreLedger, model: ScoreModel) throws(JournalError) -> ScoreLedger {
        guard ledger.end.offset > rebuilt.end.offset else { return rebuilt }
        let tail = try writer.journal.synced(rebuilt.end.offset..<ledger.end.offset)
        return ScoreLedger(scan: JournalScan.scan(tail, from: rebuilt.end), model: model, resuming: rebuilt)
    }
}
