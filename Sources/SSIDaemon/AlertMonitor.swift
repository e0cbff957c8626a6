import Logging
import SSIConfig
import SSIDomain
import SSISystem

/// The alert policy's state between batches and ticks, and its one journald writer.
actor AlertMonitor {
    private var policy: AlertPolicy
    private let writer: JournaldWriter
    /// Where the last week a weekly word was sent for is kept, so that a restart never sends it twice.
    private let weekFile: String?
    private var metrics: MetricsSettings
    /// Entries written since start, by kind, for the metrics.
    private var alertCounts: [String: Int] = [:]
    /// The newest instant a batch or tick was seen at. Not the state: held between batches, a copy
    /// would make the store's next commit copy every event it keeps.
    private var latestNow: Int64?
    /// The store's state when the metrics file is written (at most once per interval).
    private let currentState: @Sendable () async -> ScoreState
    private var lastMetricsWrite: Int64 = .min
    private var metricsScheduled = false
    private let clock: @Sendable () -> Int64

    /// `echo` also prints alerts through the daemon's logger (when its logs go to stderr).
    init(
        settings: AlertSettings, initial: Score?, echo: Logger?, weekFile: String? = nil,
        metrics: MetricsSettings = MetricsSettings(), clock: @escaping @Sendable () -> Int64 = { 0 },
        currentState: @escaping @Sendable () async -> ScoreState
    ) {
        self.metrics = metrics
        self.currentState = currentState
        self.clock = clock
        let lastWeek = weekFile.flatMap(AtomicFile.read)?.trimmingWhitespace
        self.policy = AlertPolicy(
            settings: settings, initial: initial, lastWeek: lastWeek?.isEmpty == false ? lastWeek : nil)
        self.writer = JournaldWriter(echo: echo, user: metrics.user ?? LoginName.current())
        self.weekFile = weekFile
    }

    func update(settings: AlertSettings, metrics: MetricsSettings) {
        policy.update(settings: settings)
        self.metrics = metrics
    }

    /// After a committed batch: one info entry per logged event, then the alert check.
    func committed(_ batch: CommittedBatch) async {
        let notices = policy.committed(
            batch.entries, model: batch.model, calendar: batch.calendar, pausedUntil: batch.pausedUntil,
            now: batch.now, score: batch.score)
        for notice in notices { write(notice) }
        await refreshMetrics(now: batch.now, force: false)
    }

    /// On the timer and at start: the score falls by itself as activity decays.
    func tick(state: ScoreState, now: Int64) async {
        for notice in policy.tick(state: state, now: now) {
            // Recorded before it is sent: a crash in between loses one word rather than sending it twice.
            if case .weekly(let week) = notice, let weekFile,
                let failure = AtomicFile.write(week.week + "\n", to: weekFile)
            {
                writer.echo?.error("weekly word not sent: \(failure)")
                continue
            }
            write(notice)
        }
        await refreshMetrics(now: now, force: true)
    }

    private func write(_ notice: AlertPolicy.Notice) {
        switch notice {
        case .alert: alertCounts["drop", default: 0] += 1
        case .forecast: alertCounts["forecast", default: 0] += 1
        case .weekly: alertCounts["weekly", default: 0] += 1
        case .logged: break
        }
        writer.write(notice)
    }

    /// Keeps the metrics file current: at once when due (or forced, on every alert check), else once
    /// the interval since the last write has passed, so a burst of events writes it a few times, not
    /// once per event.
    private func refreshMetrics(now: Int64, force: Bool) async {
        guard metrics.textfile != nil else { return }
        latestNow = max(latestNow ?? now, now)
        let due = lastMetricsWrite == .min ? now : lastMetricsWrite + Int64(metrics.intervalSeconds)
        if force || now >= due {
            await writeMetrics()
        } else if !metricsScheduled {
            metricsScheduled = true
            let wait = Duration.seconds(max(1, due - now))
            Task {
                try? await Task.sleep(for: wait)
                await self.writeScheduledMetrics()
            }
        }
    }

    private func writeScheduledMetrics() async {
        metricsScheduled = false
        await writeMetrics()
    }

    private func writeMetrics() async {
        guard let path = metrics.textfile, let latestNow else { return }
        let now = max(latestNow, clock())
        // Read at write time and dropped after: the file shows the state as it is now.
        let state = await currentState()
        let text = PrometheusText(
            user: metrics.user ?? LoginName.current(), version: SSIDaemonVersion.current, state: state, now: now,
            alerts: alertCounts
        ).text
        if let failure = AtomicFile.write(text, to: path, mode: 0o644) {
            writer.echo?.error("metrics file not written: \(failure)")
            return
        }
        lastMetricsWrite = now
    }
}
