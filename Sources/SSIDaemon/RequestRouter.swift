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

    public init(
        store: EventStore, socketPath: String, stateDirectory: String,
        reload: @escaping @Sendable () async throws -> String
    ) {
        self.store = store
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.reload = reload
    }

    public func respond<Bytes: Collection<UInt8>>(to line: Bytes) async -> String {
        switch Request.decode(line) {
        case .failure(let failure): return Response.failure(id: failure.id, failure.error)
        case .success(let request):
            do throws(ProtocolError) {
                return Response.success(id: request.id, [("result", try await result(for: request))])
            } catch {
                return Response.failure(id: request.id, error)
            }
        }
    }

    func result(for request: Request) async throws(ProtocolError) -> JSONValue {
        switch request.operation {
        case .log(let log):
            let (event, before, after, repeated) = try await store.log(log, requestID: request.id)
            let pillar = await store.state.model.actions[event.action]?.pillar ?? .brand
            return .object([
                ("id", .string(event.id)), ("seq", .int(event.seq)), ("action", .string(event.action)),
                ("occurred", .string(CivilTime.formatUTC(event.occurred))), ("score", after.json),
                ("pillar", .string(pillar.rawValue)),
                ("delta", .hundredths(after.hundredths(pillar) - before.hundredths(pillar))),
                ("total_delta", .hundredths(after.totalHundredths - before.totalHundredths)),
                ("repeated", .bool(repeated)),
            ])
        case .undo(let target):
            let (undo, event) = try await store.undo(target: target, requestID: request.id)
            let score = await store.state.score(at: await store.now())
            return .object([
                ("id", .string(undo.id)), ("seq", .int(undo.seq)), ("undone", .string(event.id)),
                ("action", .string(event.action)), ("occurred", .string(CivilTime.formatUTC(event.occurred))),
                ("score", score.json),
            ])
        case .score(let explain):
            let state = await store.state
            let now = await store.now()
            return explain ? state.explain(at: now).json : state.score(at: now).json
        case .status: return await status()
        case .history(let days):
            let state = await store.state
            let rows = state.history(days: days, now: await store.now())
            return .object([
                (
                    "days",
                    .array(
                        rows.map { row in
                            var members: [(String, JSONValue)] = [("date", .string(row.date))]
                            if case .object(let score) = row.score.json { members += score }
                            return .object(members)
                        })
                )
            ])
        case .actions:
            let model = await store.state.model
            return .object([
                (
                    "actions",
                    .array(
                        model.actionNames.map { name in
                            let action = model.actions[name]!
                            return .object([
                                ("name", .string(name)), ("pillar", .string(action.pillar.rawValue)),
                                ("points", .points(action.points)), ("daily_cap", .int(action.dailyCap)),
                                ("tally", action.tally.map { .string($0) } ?? .null),
                                ("summary", .string(action.summary)),
                            ])
                        })
                )
            ])
        case .today:
            let state = await store.state
            let report = state.today(at: await store.now())
            return .object([
                ("date", .string(report.date)),
                ("pillars", .object(Pillar.allCases.map { ($0.rawValue, .int(report.perPillar[$0] ?? 0)) })),
                (
                    "goals",
                    .array(
                        report.goals.map {
                            .object([
                                ("action", .string($0.action)), ("pillar", .string($0.pillar.rawValue)),
                                ("done", .int($0.done)), ("target", .int($0.target)), ("left", .int($0.left)),
                            ])
                        })
                ),
                ("active_days", .int(report.activeDays)), ("window_days", .int(report.streakWindow)),
                ("streak", .int(report.currentStreak)),
            ])
        case .pause(let until):
            let pause = try await store.pause(until: until, requestID: request.id)
            return .object([
                ("id", .string(pause.id)), ("seq", .int(pause.seq)),
                ("paused_until", pause.until.map { .string(CivilTime.formatUTC($0)) } ?? .null),
            ])
        case .reload:
            do {
                let source = try await reload()
                return .object([("reloaded", .bool(true)), ("config", .string(source))])
            } catch {
                throw ProtocolError(.invalidArgument, "configuration not reloaded: \(error)")
            }
        }
    }

    func status() async -> JSONValue {
        let state = await store.state
        let now = await store.now()
        var last: JSONValue = .null
        if let id = state.latestEventID, let event = state.events[id] {
            last = .object([
                ("id", .string(event.id)), ("action", .string(event.action)),
                ("occurred", .string(CivilTime.formatUTC(event.occurred))),
            ])
        }
        return .object([
            ("pid", .int(getpid())), ("uptime_s", .int(now - (await store.startedAt))),
            ("events", .int(await store.recordCount)), ("counted_events", .int(state.events.count)),
            ("journal_path", .string(await store.journalPath)), ("journal_bytes", .int(await store.journalBytes)),
            ("socket", .string(socketPath)), ("state_dir", .string(stateDirectory)),
            ("config", .string(await store.configuration.source)), ("last_event", last),
            ("score", state.score(at: now).json),
        ])
    }
}
