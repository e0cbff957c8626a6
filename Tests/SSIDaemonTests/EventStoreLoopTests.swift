import NIOCore
import NIOPosix
import SSIConfig
import SSIJournal
import SSIJournalSimulation
import Testing

@testable import SSIDaemon

extension EventStore {
    /// Whether the actor's code runs on the store's event loop.
    fileprivate func runsOnItsLoop() -> Bool { loop.inEventLoop }
}

/// The store's actor runs on the event loop it is given, the one the daemon serves its socket from.
@Suite struct EventStoreLoopTests {
    @Test func theStoreRunsOnTheLoopItIsGiven() async throws {
        let configuration = try ConfigurationLoader.load(userText: "[score]\ntimezone = \"UTC\"\n", userFile: "test")
        let (file, scan) = try JournalFile.open(storage: SimulatedDisk(seed: 7), path: "simulated")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let store = EventStore(
            journal: file, scan: scan, configuration: configuration, clock: { 1_764_400_000 }, loop: loop)
        #expect(store.loop === loop)
        #expect(await store.runsOnItsLoop())
        // And not merely on some thread of the group: the other loop is not the store's.
        let other = group.next()
        #expect(other !== loop)
        #expect(try await other.submit { loop.inEventLoop }.get() == false)
        await store.shutdown()
        try await group.shutdownGracefully()
    }

    /// Work that may replay every event (a calibration) runs off the loop, which keeps serving.
    @Test func replaysRunOffTheLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let (onLoop, inWork) = await withTaskExecutorPreference(EventLoopTaskExecutor(loop: loop)) {
            (loop.inEventLoop, await EventStore.offTheLoop { loop.inEventLoop })
        }
        #expect(onLoop, "the test must start on the loop, or it proves nothing")
        #expect(!inWork)
        try await group.shutdownGracefully()
    }
}
