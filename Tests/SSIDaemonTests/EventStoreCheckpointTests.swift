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
}
