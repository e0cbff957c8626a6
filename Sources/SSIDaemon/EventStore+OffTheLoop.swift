extension EventStore {
    /// Runs work that may walk every event (seconds at a million: a calibration, a snapshot's score
    /// as of a time before the newest event, a reload's replay) on Swift's global executor, on a
    /// copy of what it needs: the store's loop keeps serving the socket and acknowledging logs
    /// meanwhile.
    nonisolated static func offTheLoop<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withTaskExecutorPreference(globalConcurrentExecutor) { work() }
    }
}
