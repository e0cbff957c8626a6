import Logging
import SSIConfig
import SSIDomain

/// The alert policy's state between batches and ticks, and its one journald writer.
actor AlertMonitor {
    private var policy: AlertPolicy
    private let writer: JournaldWriter

    /// `echo` also prints alerts through the daemon's logger (when its logs go to stderr).
    init(settings: AlertSettings, initial: Score?, echo: Logger?) {
        self.policy = AlertPolicy(settings: settings, initial: initial)
        self.writer = JournaldWriter(echo: echo)
    }

    func update(settings: AlertSettings) { policy.update(settings: settings) }

    /// After a committed batch: one info entry per logged event, then the alert check.
    func committed(_ batch: CommittedBatch) {
        let notices = policy.committed(batch.entries, state: batch.state, now: batch.now, score: batch.score)
        for notice in notices { writer.write(notice) }
    }

    /// On the timer and at start: the score falls by itself as activity decays.
    func tick(state: ScoreState, now: Int64) {
        for notice in policy.tick(state: state, now: now) { writer.write(notice) }
    }
}
