import Foundation
import NIOPosix
import SSIConfig
import SSIDomain
import SSIJournal
import SSIProtocol
import Testing

@testable import SSIDaemon
@testable import SSIDomain

/// Once a checkpoint is written, the store reads the events it sealed from it, as a restart would:
/// a rebuilt ledger (every event in memory) becomes one whose events are mapped, and nothing a
/// request can see changes.
@Suite struct EventStoreCheckpointTests {
    @Test func aRebuiltLedgerIsSwappedForTheCheckpointItWrites() async throws {
        let model = try LedgerCheckpointTests.model()
        let configuration = try ConfigurationLoader.load(
            userText: "[score]\ntimezone = \"Europe/Lisbon\"\n", userFile: "test")
        let directory = try LedgerCheckpointTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try LedgerCheckpointTests.writeJournal(in: directory, model: model, seed: 21)
        let (file, scan) = try JournalFile.open(directory: directory)
        let store = EventStore(
            journal: file, scan: scan, resuming: nil, checkpointDirectory: directory, configuration: configuration,
            clock: { LedgerCheckpointTests.now }, loop: MultiThreadedEventLoopGroup.singleton.next())
        let rebuilt = await store.ledger
        #expect(rebuilt.state.events.sealedCount == 0, "a rebuild keeps every event in memory")
        try #require(rebuilt.state.events.count > 100, "too few events: the test proves little")

        await store.checkpointIfDue()
        // Logged while the checkpoint is written and read back: after its image, or not; either way
        // the swapped-in ledger must hold them.
        for index in 0..<5 {
            _ = try await store.log(LogRequest(action: "comment", at: "\(index)h ago"), requestID: "late\(index)")
        }
        await store.checkpointSettled()
        let swapped = await store.ledger
        #expect(swapped.state.events.sealedCount > 0, "the events are read from the checkpoint now")
        #expect(swapped.state.events.count == rebuilt.state.events.count + 5)
        let whole = ScoreLedger(scan: JournalScan.scan(try file.synced(0..<file.length)), model: model)
        #expect(LedgerCheckpointTests.observable(swapped) == LedgerCheckpointTests.observable(whole))

        // Logging and undoing go on from the swapped-in ledger.
        _ = try await store.log(LogRequest(action: "like"), requestID: "after")
        _ = try await store.undo(target: nil, requestID: "undo-after")
        let after = ScoreLedger(scan: JournalScan.scan(try file.synced(0..<file.length)), model: model)
        #expect(LedgerCheckpointTests.observable(await store.ledger) == LedgerCheckpointTests.observable(after))
        await store.shutdown()
    }

    /// A reload to a model that counts differently, while the old model's checkpoint is written:
    /// the checkpoint left on disk and read from is the new model's.
    @Test func aReloadDuringACheckpointEndsWithTheNewModelsCheckpoint() async throws {
        let configuration = try ConfigurationLoader.load(
            userText: "[score]\ntimezone = \"Europe/Lisbon\"\n", userFile: "test")
        let repointed = try ConfigurationLoader.load(
            userText: "[score]\ntimezone = \"Europe/Lisbon\"\n[actions.comment]\npoints = 2.5\n", userFile: "test")
        let directory = try LedgerCheckpointTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try LedgerCheckpointTests.writeJournal(in: directory, model: configuration.model, seed: 8)
        let (file, scan) = try JournalFile.open(directory: directory)
        let store = EventStore(
            journal: file, scan: scan, resuming: nil, checkpointDirectory: directory, configuration: configuration,
            clock: { LedgerCheckpointTests.now }, loop: MultiThreadedEventLoopGroup.singleton.next())
        // The old model's checkpoint starts after the replay, before the swap: still being written
        // when the reload asks for the new model's.
        #expect(try await store.reload(repointed) { await store.checkpointIfDue() } != nil)
        await store.checkpointSettled()
        let onDisk = LedgerCheckpoint.read(directory: directory, model: repointed.model)
        #expect((try? onDisk.get()) != nil, "the checkpoint on disk must be the new model's: \(onDisk)")
        let ledger = await store.ledger
        #expect(ledger.state.events.sealedCount > 0, "and the store reads its events from it")
        let whole = ScoreLedger(scan: JournalScan.scan(try file.synced(0..<file.length)), model: repointed.model)
        #expect(LedgerCheckpointTests.observable(ledger) == LedgerCheckpointTests.observable(whole))
        await store.shutdown()
    }
}
