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

    /// `echo` also prints alerts through the daemon's logger (when its logs go to stderr).
    init(settings: AlertSettings, initial: Score?, echo: Logger?, weekFile: String? = nil) {
        let lastWeek = weekFile.flatMap(AtomicFile.read)?.trimmingWhitespace
        self.policy = AlertPolicy(
            settings: settings, initial: initial, lastWeek: lastWeek?.isEmpty == false ? lastWeek : nil)
        self.writer = JournaldWriter(echo: echo)
        self.weekFile = weekFile
    }

    func update(settings: AlertSettings) { policy.update(settings: settings) }

    /// After a committed batch: one info entry per logged event, then the alert check.
    func committed(_ batch: CommittedBatch) {
        let notices = policy.committed(batch.entries, state: batch.state, now: batch.now, score: batch.score)
        for notice in notices { writer.write(notice) }
    }

    /// On the timer and at start: the score falls by itself as activity decays.
    func tick(state: ScoreState, now: Int64) {
        for notice in policy.tick(state: state, now: now) {
            // Recorded before it is sent: a crash in between loses one word rather than sending it twice.
            if case .weekly(let week) = notice, let weekFile,
                let failure = AtomicFile.write(week.week + "\n", to: weekFile)
            {
                writer.echo?.error("weekly word not sent: \(failure)")
                continue
            }
            writer.write(notice)
        }
    }
}
