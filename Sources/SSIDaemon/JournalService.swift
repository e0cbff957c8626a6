import ServiceLifecycle

/// Keeps the store open until shutdown, then lets the last batch reach the disk.
struct JournalService: Service {
    let store: EventStore

    func run() async throws {
        try? await gracefulShutdown()
        await store.drain()
    }
}
