import SSIConfig
import SSIDaemon
import SSIJournal
import SSIJournalSimulation

/// The store on a simulated disk, restarted the way systemd restarts the daemon after a failed
/// sync or a kill: a new process, the same page cache, the journal replayed.
actor SimulatedDaemon {
    let disk: SimulatedDisk
    let configuration: Configuration
    private(set) var store: EventStore
    private(set) var generation = 0
    private(set) var restarts = 0

    init(disk: SimulatedDisk, configuration: Configuration) throws {
        self.disk = disk
        self.configuration = configuration
        let (file, scan) = try JournalFile.open(storage: disk, path: "simulated")
        store = EventStore(journal: file, scan: scan, configuration: configuration) { 1_764_400_000 }
    }

    /// The restart under way: callers wait for it, so that two stores never hold the file at once.
    private var restarting: Task<Void, Never>?

    func current() async -> (EventStore, Int) {
        if let restarting { await restarting.value }
        return (store, generation)
    }

    /// Restarts unless another client already did since `seen`, or the power is off for good.
    func restart(after seen: Int) async {
        if let restarting {
            await restarting.value
            return
        }
        guard seen == generation, !disk.isPoweredOff else { return }
        let task = Task { await self.replaceStore() }
        restarting = task
        await task.value
        restarting = nil
    }

    private func replaceStore() async {
        // Killed first, as systemd would: clients still holding the old store must not write
        // through it once the new one has the file.
        disk.killProcess()
        await store.shutdown()
        disk.restartProcess()
        generation += 1
        // A fault while opening leaves the old, failed store in place: the next failure retries.
        guard let (file, scan) = try? JournalFile.open(storage: disk, path: "simulated") else { return }
        store = EventStore(journal: file, scan: scan, configuration: configuration) { 1_764_400_000 }
        restarts += 1
    }

    func stop() async { await store.shutdown() }
}
