/// Everything the daemon decides about the systemd journal, in one pure type: which per-event
/// entries to write, when a falling score deserves a warning (drops, quiet hours, a pause, the
/// backdating rule) and the once-a-day forecast. The daemon feeds it batches and clock ticks and
/// writes the notices it returns; the tests feed it the same and read them.
public struct AlertPolicy: Sendable, Equatable {
    /// One entry for the journal.
    public enum Notice: Sendable, Equatable {
        /// An entry was committed (only when `log_events` is on).
        case logged(JournalEntry, pillar: Pillar?, score: Score)
        /// The score fell; `reason` says why in words.
        case alert(ScoreAlert, reason: String)
        /// A pillar will cross a round level within days without activity.
        case forecast(ScoreForecast)
        /// The weekly word about the last complete week.
        case weekly(WeekSummary)
    }

    /// Entries backdated by more than this are typed in well after the fact: they move the peaks
    /// without a warning about the past.
    public static let backdatingSeconds: Int64 = 3600

    public private(set) var tracker: AlertTracker
    public private(set) var settings: AlertSettings
    /// The local day of the last forecast: at most one a day.
    public private(set) var lastForecastDay: Int64?
    /// The last week a weekly word was sent for (`2026-W48`): the daemon keeps it across restarts.
    public private(set) var lastWeek: String?

    /// `initial`: the score at the last record's time, so a start after downtime catches up.
    public init(settings: AlertSettings, initial: Score?, lastWeek: String? = nil) {
        self.settings = settings
        self.lastWeek = lastWeek
        self.tracker = AlertTracker(settings: settings, initial: initial)
    }

    public mutating func update(settings: AlertSettings) {
        self.settings = settings
        tracker.settings = settings
    }

    /// After a committed batch: one notice per entry (when `log_events`), then the alert check.
    public mutating func committed(_ entries: [JournalEntry], state: ScoreState, now: Int64, score: Score) -> [Notice] {
        committed(
            entries, model: state.model, calendar: state.calendar, pausedUntil: state.pausedUntil, now: now,
            score: score)
    }

    /// The same, from the few things the check needs of the state after the batch.
    public mutating func committed(
        _ entries: [JournalEntry], model: ScoreModel, calendar: LocalCalendar, pausedUntil: Int64?, now: Int64,
        score: Score
    ) -> [Notice] {
        var notices: [Notice] = []
        if settings.logEvents {
            for entry in entries {
                var pillar: Pillar?
                if case .action(let event) = entry { pillar = model.actions[event.action]?.pillar }
                notices.append(.logged(entry, pillar: pillar, score: score))
            }
        }
        let actions = entries.compactMap { entry -> ActionEvent? in
            if case .action(let event) = entry { return event }
            return nil
        }
        // Imported events (with a source) and entries typed in well after the fact move the peaks
        // without a warning about the past: an import never raises a score-drop alert.
        let acknowledged =
            !actions.isEmpty && actions.count == entries.count
            && actions.allSatisfy { $0.source != nil || $0.occurred < $0.recorded - Self.backdatingSeconds }
        if let alert = evaluate(
            calendar: calendar, pausedUntil: pausedUntil, now: now, score: score, acknowledge: acknowledged)
        {
            notices.append(.alert(alert, reason: Self.reason(for: entries, alert: alert)))
        }
        return notices
    }

    /// On the timer and at start: the forecast (once a day) and the alert check, as the score falls
    /// by itself while activity decays.
    public mutating func tick(state: ScoreState, now: Int64) -> [Notice] {
        var notices: [Notice] = []
        let day = state.calendar.day(of: now)
        if lastForecastDay != day, !isQuiet(state: state, now: now), !isPaused(state: state, now: now),
            let forecast = state.forecast(at: now, days: 3).first
        {
            lastForecastDay = day
            notices.append(.forecast(forecast))
        }
        if let weekly = weekly(state: state, now: now) { notices.append(.weekly(weekly)) }
        if let alert = evaluate(
            calendar: state.calendar, pausedUntil: state.pausedUntil, now: now, score: state.score(at: now),
            acknowledge: false)
        {
            var reason = "no activity logged yet"
            if let id = state.latestEventID, let last = state.events[id] {
                let days = Int((now - last.occurred) / 86_400)
                reason = "activity decayed; last action " + (days == 0 ? "today" : "\(Self.days(days)) ago")
            }
            notices.append(.alert(alert, reason: Self.mainPillar(alert) + reason))
        }
        return notices
    }

    /// Once the configured weekday and hour of this week have come, the word about the last complete
    /// week: once per week, none while paused.
    mutating func weekly(state: ScoreState, now: Int64) -> WeekSummary? {
        guard let weekday = settings.weeklyWeekday, !isPaused(state: state, now: now) else { return nil }
        let monday = WeekSummary.monday(containing: now, calendar: state.calendar)
        let due = state.calendar.start(ofDay: monday + Int64(weekday)) + Int64(settings.weeklyHour) * 3600
        let previous = WeekSummary.label(monday: monday - 7)
        guard now >= due, lastWeek != previous else { return nil }
        lastWeek = previous
        return WeekSummary(state: state, monday: monday - 7, now: now)
    }

    func isQuiet(state: ScoreState, now: Int64) -> Bool { isQuiet(calendar: state.calendar, now: now) }

    func isQuiet(calendar: LocalCalendar, now: Int64) -> Bool {
        let minute = Int(((now + calendar.offset(at: now)) % 86_400 + 86_400) % 86_400 / 60)
        return settings.isQuiet(minuteOfDay: minute)
    }

    func isPaused(state: ScoreState, now: Int64) -> Bool { isPaused(until: state.pausedUntil, now: now) }

    func isPaused(until pausedUntil: Int64?, now: Int64) -> Bool { (pausedUntil ?? Int64.min) > now }

    mutating func evaluate(
        calendar: LocalCalendar, pausedUntil: Int64?, now: Int64, score: Score, acknowledge: Bool
    ) -> ScoreAlert? {
        tracker.observe(
            score, at: now, quiet: isQuiet(calendar: calendar, now: now),
            paused: isPaused(until: pausedUntil, now: now),
            acknowledge: acknowledge)
    }

    static func reason(for entries: [JournalEntry], alert: ScoreAlert) -> String {
        for entry in entries {
            if case .undo(let undo) = entry { return mainPillar(alert) + "undo of event \(undo.target)" }
        }
        let names = entries.compactMap { entry -> String? in
            if case .action(let event) = entry { return event.action }
            return nil
        }
        return mainPillar(alert) + (names.isEmpty ? "a new journal entry" : "\(names.joined(separator: ", ")) logged")
    }

    /// "engage fell most; " when the total fell and a pillar led it.
    static func mainPillar(_ alert: ScoreAlert) -> String {
        guard alert.key == "total", let pillar = alert.mainPillar else { return "" }
        return "\(pillar.rawValue) fell most; "
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}
