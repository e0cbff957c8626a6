import SSIDomain
import ServiceLifecycle

/// Re-evaluates the score on a timer (every `check_every_minutes`, and just after local
/// midnight) so that a score decaying without events still warns; catches up once at start.
struct AlertService: Service {
    let store: EventStore
    let monitor: AlertMonitor

    func run() async throws {
        await check()
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // Only the calendar is kept across the sleep: a copy of the state held that long
                // would make the store's next commit copy every event it keeps.
                let calendar = await store.state.calendar
                let now = await store.now()
                let every = await store.configuration.alerts.checkEverySeconds
                let midnight = calendar.start(ofDay: calendar.day(of: now) + 1)
                let wait = max(1, min(every, midnight - now + 1))
                try await Task.sleep(for: .seconds(wait))
                await check()
            }
        }
    }

    func check() async {
        await monitor.tick(state: await store.state, now: await store.now())
    }
}
