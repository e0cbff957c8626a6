import SSIDomain
import SSIJSON
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one request line into one response line. Business logic lives in `EventStore`; this only
/// maps operations to it and results to JSON.
public struct RequestRouter: Sendable {
    let store: EventStore
    let socketPath: String
    let stateDirectory: String
    /// Re-reads the configuration; returns where it came from.
    let reload: @Sendable () async throws -> String
    /// Where `ssi-log calibrate --apply` writes the fitted values (beside the configuration file).
    let calibrationFile: String

    public init(
        store: EventStore, socketPath: String, stateDirectory: String, calibrationFile: String = "calibration.toml",
        reload: @escaping @Sendable () async throws -> String
    ) {
        self.calibrationFile = calibrationFile
        self.store = store
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.reload = reload
    }

    /// `admission` is signalled once a `log` has entered the store's queue.
    public func respond<Bytes: Collection<UInt8>>(to line: Bytes, admission: Admission? = nil) async -> String {
        switch Request.decode(line) {
        case .failure(let failure): return Response.failure(id: failure.id, failure.error)
        case .success(let request):
            do throws(ProtocolError) {
                return Response.success(
                    id: request.id, [("result", try await reply(to: request, admission: admission).json)])
            } catch {
                return Response.failure(id: request.id, error)
            }
        }
    }

    /// The typed result of one request: every operation is handled here, with no default.
    func reply(to request: Request, admission: Admission? = nil) async throws(ProtocolError) -> Reply {
        switch request.operation {
        case .log(let log):
            let (event, before, after, repeated, duplicateOf) = try await store.log(
                log, requestID: request.id, queued: { admission?.admit() })
            let pillar = await store.state.model.actions[event.action]?.pillar ?? .brand
            return .log(
                LogResult(
                    id: duplicateOf ?? event.id, seq: Int(event.seq), action: event.action,
                    occurred: CivilTime.formatUTC(event.occurred), score: after, pillar: pillar,
                    deltaHundredths: after.hundredths(pillar) - before.hundredths(pillar),
                    totalDeltaHundredths: after.totalHundredths - before.totalHundredths, repeated: repeated,
                    duplicateOf: duplicateOf))
        case .undo(let target):
            let (undo, event) = try await store.undo(target: target, requestID: request.id)
            let score = await store.state.score(at: await store.now())
            return .undo(
                UndoResult(
                    id: undo.id, seq: Int(undo.seq), undone: event.id, action: event.action,
                    occurred: CivilTime.formatUTC(event.occurred), score: score))
        case .score(let explain):
            let state = await store.state
            let now = await store.now()
            guard !explain else { return .explanation(ExplanationResult(state.explain(at: now))) }
            return .score(
                ScoreResult(
                    score: state.score(at: now), snapshot: state.latestSnapshot(atOrBefore: now).map(SnapshotLine.init))
            )
        case .status: return .status(await status())
        case .history(let days):
            let state = await store.state
            let rows = state.history(days: days, now: await store.now())
            // The last snapshot of each day, to mark the days LinkedIn's number was recorded.
            var snapshots: [Int64: SnapshotEvent] = [:]
            for snapshot in state.snapshots.values {
                let day = state.calendar.day(of: snapshot.occurred)
                if let other = snapshots[day], (other.occurred, other.seq) > (snapshot.occurred, snapshot.seq) {
                    continue
                }
                snapshots[day] = snapshot
            }
            var actions: [Int64: [Pillar: Int]] = [:]
            for row in rows {
                for (action, count) in state.actionCounts(onDay: row.day) {
                    guard let pillar = state.model.actions[action]?.pillar else { continue }
                    actions[row.day, default: [:]][pillar, default: 0] += count
                }
            }
            return .history(
                HistoryResult(
                    days: rows.map {
                        HistoryResult.Day(
                            date: $0.date, score: $0.score, snapshot: snapshots[$0.day].map(SnapshotLine.init),
                            actions: actions[$0.day] ?? [:])
                    }))
        case .actions:
            let model = await store.state.model
            return .actions(
                ActionsResult(
                    actions: model.actionNames.compactMap { name in
                        model.actions[name].map { action in
                            ActionsResult.Entry(
                                name: name, pillar: action.pillar,
                                pointsHundredths: Int((action.points * 100).rounded()), dailyCap: action.dailyCap,
                                tally: action.tally, summary: action.summary)
                        }
                    }))
        case .today:
            let state = await store.state
            return .today(TodayResult(state.today(at: await store.now())))
        case .snapshot(let values):
            let snapshot = try await store.snapshot(values, requestID: request.id)
            let state = await store.state
            let local = await EventStore.offTheLoop { state.score(asOf: snapshot.occurred) }
            return .snapshot(SnapshotResult(seq: Int(snapshot.seq), snapshot: SnapshotLine(snapshot), local: local))
        case .week(let label):
            let state = await store.state
            let now = await store.now()
            var monday = WeekSummary.monday(containing: now, calendar: state.calendar) - 7
            if let label {
                guard let chosen = WeekSummary.monday(of: label) else {
                    throw ProtocolError(.badTime, "'\(label)' is not an ISO week like 2026-W47")
                }
                guard state.calendar.start(ofDay: chosen) <= now else {
                    throw ProtocolError(.badTime, "week \(label) has not begun")
                }
                monday = chosen
            }
            return .week(WeekResult(WeekSummary(state: state, monday: monday, now: now)))
        case .calibrate:
            let state = await store.state
            let fit = await EventStore.offTheLoop { Calibration(state: state) }
            return .calibrate(
                CalibrationResult(fit, keys: state.model.calibrationKeys(fit), calibrationFile: calibrationFile))
        case .pause(let until):
            let pause = try await store.pause(until: until, requestID: request.id)
            return .pause(
                PauseResult(id: pause.id, seq: Int(pause.seq), pausedUntil: pause.until.map(CivilTime.formatUTC)))
        case .reload:
            do {
                return .reload(ReloadResult(config: try await reload()))
            } catch {
                throw ProtocolError(.invalidArgument, "configuration not reloaded: \(error)")
            }
        }
    }

    func status() async -> StatusResult {
        let state = await store.state
        let now = await store.now()
        let last = state.latestEventID.flatMap { state.events[$0] }.map {
            StatusResult.LastEvent(id: $0.id, action: $0.action, occurred: CivilTime.formatUTC($0.occurred))
        }
        return StatusResult(
            pid: Int(getpid()), uptimeSeconds: Int(now - store.startedAt), events: await store.recordCount,
            countedEvents: state.events.count, journalPath: store.journalPath, journalBytes: await store.journalBytes,
            socket: socketPath, stateDirectory: stateDirectory, config: await store.configuration.source,
            lastEvent: last,
            score: state.score(at: now))
    }
}
