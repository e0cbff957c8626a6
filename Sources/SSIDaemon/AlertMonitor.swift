import Logging
import SSIConfig
import SSIDomain
import SSIJournal

/// Re-evaluates the score after events and as time passes, and writes score-drop alerts and
/// per-event entries to the systemd journal.
actor AlertMonitor {
    private var tracker: AlertTracker
    private var settings: AlertSettings
    private let echo: Logger?

    /// `echo` also prints alerts through the daemon's logger (when its logs go to stderr).
    init(settings: AlertSettings, initial: Score?, echo: Logger?) {
        self.tracker = AlertTracker(settings: settings, initial: initial)
        self.settings = settings
        self.echo = echo
    }

    func update(settings: AlertSettings) {
        self.settings = settings
        tracker.settings = settings
    }

    /// After a committed batch: one info entry per logged event, then the alert check.
    func committed(_ batch: CommittedBatch) {
        let (entries, state, now, score) = (batch.entries, batch.state, batch.now, batch.score)
        if settings.logEvents {
            for entry in entries { logEvent(entry, state: state, score: score) }
        }
        let actions = entries.compactMap { entry -> ActionEvent? in
            if case .action(let event) = entry { return event }
            return nil
        }
        // Entries typed in well after the fact move the peaks without a warning about the past.
        let backdated =
            !actions.isEmpty && actions.count == entries.count
            && actions.allSatisfy { $0.occurred < $0.recorded - 3600 }
        evaluate(
            state: state, now: now, score: score, reason: reason(for: entries, state: state), acknowledge: backdated)
    }

    /// The local day of the last forecast: at most one a day.
    private var lastForecastDay: Int64?

    /// On the timer and at start: the score falls by itself as activity decays.
    func tick(state: ScoreState, now: Int64) {
        forecast(state: state, now: now)
        let score = state.score(at: now)
        var reason = "no activity logged yet"
        if let id = state.latestEventID, let last = state.events[id] {
            let days = (now - last.occurred) / 86_400
            reason = "activity decayed; last action \(days == 0 ? "today" : "\(days) day\(days == 1 ? "" : "s") ago")"
        }
        evaluate(state: state, now: now, score: score, reason: reason, acknowledge: false)
    }

    /// Once a day, a notice when a pillar will fall below a round level within three days.
    private func forecast(
        state: ScoreState, now: Int64, file: String = #fileID, line: Int = #line, function: String = #function
    ) {
        let day = state.calendar.day(of: now)
        let minute = Int(((now + state.calendar.offset(at: now)) % 86_400 + 86_400) % 86_400 / 60)
        guard lastForecastDay != day, !settings.isQuiet(minuteOfDay: minute), (state.pausedUntil ?? Int64.min) <= now,
            let forecast = state.forecast(at: now, days: 3).first
        else { return }
        lastForecastDay = day
        let level = Score.format(forecast.levelHundredths)
        let message =
            "\(forecast.pillar.rawValue) will fall below \(level) in \(forecast.days) days without activity "
            + "(now \(Score.format(forecast.currentHundredths)), then \(Score.format(forecast.predictedHundredths)))"
        JournalSender.send([
            "MESSAGE=\(message)", "MESSAGE_ID=\(JournalMessageID.forecast)", "PRIORITY=5", "SYSLOG_IDENTIFIER=ssi-logd",
            "SSI_PILLAR=\(forecast.pillar.rawValue)", "SSI_SCORE=\(Score.format(forecast.currentHundredths))",
            "SSI_PREDICTED_SCORE=\(Score.format(forecast.predictedHundredths))", "SSI_LEVEL=\(level)",
            "SSI_DAYS=\(forecast.days)", "CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)",
        ])
        echo?.notice("\(message)")
    }

    private func evaluate(state: ScoreState, now: Int64, score: Score, reason: String, acknowledge: Bool) {
        let minute = Int(((now + state.calendar.offset(at: now)) % 86_400 + 86_400) % 86_400 / 60)
        let paused = (state.pausedUntil ?? Int64.min) > now
        guard
            let alert = tracker.observe(
                score, at: now, quiet: settings.isQuiet(minuteOfDay: minute), paused: paused, acknowledge: acknowledge)
        else { return }
        write(alert, reason: reason)
    }

    private func reason(for entries: [JournalEntry], state: ScoreState) -> String {
        for entry in entries {
            if case .undo(let undo) = entry { return "undo of event \(undo.target)" }
        }
        let names = entries.compactMap { entry -> String? in
            if case .action(let event) = entry { return event.action }
            return nil
        }
        return names.isEmpty ? "a new journal entry" : "\(names.joined(separator: ", ")) logged"
    }

    private func write(
        _ alert: ScoreAlert, reason: String, file: String = #fileID, line: Int = #line,
        function: String = #function
    ) {
        let subject = alert.key == "total" ? "SSI" : "SSI \(alert.key)"
        var because = reason
        if alert.key == "total", let pillar = alert.mainPillar { because = "\(pillar.rawValue) fell most; " + reason }
        let message =
            "\(subject) fell from \(Score.format(alert.previousHundredths)) to \(Score.format(alert.currentHundredths)) "
            + "(\(Score.format(alert.deltaHundredths))): \(because)"
        JournalSender.send([
            "MESSAGE=\(message)", "MESSAGE_ID=\(JournalMessageID.scoreDrop)", "PRIORITY=4",
            "SYSLOG_IDENTIFIER=ssi-logd",
            "SSI_SCORE=\(Score.format(alert.currentHundredths))",
            "SSI_PREVIOUS_SCORE=\(Score.format(alert.previousHundredths))",
            "SSI_DELTA=\(Score.format(alert.deltaHundredths))", "SSI_PILLAR=\(alert.key)", "SSI_REASON=\(because)",
            "CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)",
        ])
        echo?.warning("\(message)")
    }

    private func logEvent(
        _ entry: JournalEntry, state: ScoreState, score: Score, file: String = #fileID, line: Int = #line,
        function: String = #function
    ) {
        var fields = [
            "MESSAGE_ID=\(JournalMessageID.eventLogged)", "PRIORITY=6", "SYSLOG_IDENTIFIER=ssi-logd",
            "SSI_EVENT_ID=\(entry.id)", "SSI_SCORE=\(Score.format(score.totalHundredths))", "SSI_SEQ=\(entry.seq)",
            "CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)",
        ]
        switch entry {
        case .action(let event):
            // The action name is a catalog key ([a-z0-9-]); user text goes only into its own fields.
            fields.append("MESSAGE=logged \(event.action) · SSI \(Score.format(score.totalHundredths))")
            fields.append("SSI_ACTION=\(event.action)")
            if let pillar = state.model.actions[event.action]?.pillar { fields.append("SSI_PILLAR=\(pillar.rawValue)") }
            if let note = event.note { fields.append("SSI_NOTE=\(note)") }
            if let url = event.url { fields.append("SSI_URL=\(url)") }
        case .undo(let undo):
            fields.append("MESSAGE=undid event \(undo.target) · SSI \(Score.format(score.totalHundredths))")
            fields.append("SSI_ACTION=undo")
            fields.append("SSI_TARGET_ID=\(undo.target)")
        case .pause(let pause):
            let until = pause.until.map(CivilTime.formatUTC) ?? "now"
            fields.append("MESSAGE=alerts paused until \(until)")
            fields.append("SSI_ACTION=pause")
        }
        JournalSender.send(fields)
    }
}
