import ServiceLifecycle

/// Watchdog pings at half the interval systemd asked for, and `STOPPING=1` when shutdown begins.
struct NotifyService: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        if let usec = notifier.watchdogMicroseconds() {
            let half = Duration.microseconds(Int64(usec / 2))
            try? await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    notifier.watchdog()
                    try await Task.sleep(for: half)
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier.stopping()
    }
}
