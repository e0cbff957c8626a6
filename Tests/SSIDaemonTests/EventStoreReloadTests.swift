import NIOPosix
import SSIConfig
import SSIDomain
import SSIJournal
import SSIJournalSimulation
import SSIProtocol
import Testing

@testable import SSIDaemon

/// A reload takes the ledger as it is when the new model counts events the same way, and otherwise
/// replays off the loop without losing what is logged meanwhile: either way the state is the one a
/// start under the new configuration would build.
@Suite struct EventStoreReloadTests {
    static let now: Int64 = 1_764_400_000

    static func configuration(_ text: String) throws -> Configuration {
        try ConfigurationLoader.load(userText: "[score]\ntimezone = \"UTC\"\n" + text, userFile: "test")
    }

    /// A store on a simulated disk with `count` logs of a few actions over the last days.
    static func store(_ configuration: Configuration, logs count: Int) async throws -> (EventStore, JournalFile) {
        let (file, scan) = try JournalFile.open(storage: SimulatedDisk(seed: 11), path: "simulated")
        let store = EventStore(
            journal: file, scan: scan, configuration: configuration, clock: { now },
            loop: MultiThreadedEventLoopGroup.singleton.next())
        for index in 0..<count {
            try await log(store, index)
        }
        return (store, file)
    }

    static func log(_ store: EventStore, _ index: Int) async throws {
        let actions = ["like", "comment", "connect", "post", "profile-view"]
        _ = try await store.log(
            LogRequest(action: actions[index % actions.count], at: "\(index % 9) days ago"), requestID: "r\(index)")
    }

    /// The state a start under `model` builds from the whole journal.
    static func replayed(_ file: JournalFile, _ model: ScoreModel) throws -> ScoreState {
        ScoreLedger(scan: JournalScan.scan(try file.synced(0..<file.length)), model: model).state
    }

    static func expectSameScores(_ state: ScoreState, _ expected: ScoreState) {
        #expect(state.events.count == expected.events.count)
        for hours in stride(from: -240, through: 48, by: 12) {
            let at = now + Int64(hours) * 3_600
            #expect(state.score(at: at) == expected.score(at: at), "\(hours) h from now")
        }
    }

    @Test func aModelThatCountsEventsTheSameWayIsTakenWithoutAReplay() async throws {
        let (store, file) = try await Self.store(try Self.configuration(""), logs: 40)
        // Beside the events, what the state keeps: an undo, a pause, LinkedIn's number.
        _ = try await store.undo(target: nil, requestID: "u")
        _ = try await store.pause(until: "2026-12-10", requestID: "p")
        _ = try await store.snapshot(
            SnapshotRequest(
                total: 50, pillarThousandths: [.brand: 12_000, .find: 13_000, .engage: 12_000, .relationships: 13_000]),
            requestID: "s")
        let rescaled = try Self.configuration("half_life_days = 7.0\n[pillars.engage]\nscale = 40.0\n")
        #expect(rescaled.model.inputsFingerprint == (await store.configuration).model.inputsFingerprint)
        let before = await store.state.score(at: Self.now)
        #expect(try await store.reload(rescaled) == nil)
        let state = await store.state
        #expect(state.model.halfLifeDays == 7.0)
        #expect(state.score(at: Self.now) != before, "the new scale and half-life must show in the score")
        let expected = try Self.replayed(file, rescaled.model)
        Self.expectSameScores(state, expected)
        #expect(state.undone.count == 1 && state.undone.count == expected.undone.count)
        #expect(state.undoneCounts == expected.undoneCounts)
        #expect(state.pausedUntil != nil && state.pausedUntil == expected.pausedUntil)
        #expect(state.snapshots.count == 1 && state.snapshots == expected.snapshots)
        await store.shutdown()
    }

    @Test func aModelThatCountsDifferentlyIsReplayedAndKeepsWhatIsLoggedMeanwhile() async throws {
        let (store, file) = try await Self.store(try Self.configuration(""), logs: 40)
        let repointed = try Self.configuration("[actions.like]\npoints = 0.7\n")
        #expect(repointed.model.inputsFingerprint != (await store.configuration).model.inputsFingerprint)
        let replayed = try await store.reload(repointed) {
            // The store serves while the replay runs: these logs are acknowledged before the swap.
            for index in 40..<46 { try? await Self.log(store, index) }
        }
        #expect(replayed == 46, "every record, the ones caught up after the replay included")
        let state = await store.state
        #expect(state.events.count == 46, "the logs acknowledged during the reload must be in the new state")
        #expect(await store.recordCount == 46)
        Self.expectSameScores(state, try Self.replayed(file, repointed.model))
        // Logging after the swap builds on the new ledger.
        try await Self.log(store, 46)
        Self.expectSameScores(await store.state, try Self.replayed(file, repointed.model))
        await store.shutdown()
    }
}
