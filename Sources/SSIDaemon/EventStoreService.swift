import ServiceLifecycle

/// Keeps the store open until shutdown, then lets the last batch reach the disk. When the journal
/// can no longer be trusted (a failed sync), it fails the service group: the daemon exits 70 and
/// systemd restarts it, and replay recovers what is really on disk.
struct EventStoreService: Service {
    let store: EventStore

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            for await message in store.failure { throw DaemonError.fatal(message) }
        }
        await store.shutdown()
    }
}
