import ServiceLifecycle

/// Hands each durable batch to the alert monitor (journald entries and the alert check), off the
/// commit path. The store ends the stream when it shuts down, before this service is asked to:
/// the last batches are handled, then it waits for its turn so the group sees an orderly stop.
struct CommittedBatchService: Service {
    let store: EventStore
    let monitor: AlertMonitor

    func run() async {
        for await batch in store.committed { await monitor.committed(batch) }
        try? await gracefulShutdown()
    }
}
