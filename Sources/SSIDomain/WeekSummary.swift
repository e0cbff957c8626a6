/// One ISO week (Monday to Monday, local time) in words: the change of the total, the pillar that
/// moved most and why, actions and active days, and the one next best action. The weekly journald
/// entry and `ssi-log week` both print it.
public struct WeekSummary: Sendable, Equatable {
    /// `2026-W48`.
    public var week: String
    /// The local day number of the week's Monday.
    public var monday: Int64
    public var startScore: Score
    public var endScore: Score
    public var pillar: Pillar
    public var reason: String
    public var actions: Int
    public var activeDays: Int
    public var nextBest: NextBestAction?

    public var deltaHundredths: Int { endScore.totalHundredths - startScore.totalHundredths }
    public var pillarDeltaHundredths: Int { endScore.hundredths(pillar) - startScore.hundredths(pillar) }

    /// The week whose Monday is `monday`, as the state shows it at `now` (a week still running ends now).
    public init(state: ScoreState, monday: Int64, now: Int64) {
        let calendar = state.calendar
        let start = calendar.start(ofDay: monday)
        let end = min(now, calendar.start(ofDay: monday + 7) - 1)
        week = Self.label(monday: monday)
        self.monday = monday
        startScore = state.score(at: start)
        endScore = state.score(at: end)
        let (before, after) = (startScore, endScore)
        let moved = Pillar.allCases.max {
            abs(after.hundredths($0) - before.hundredths($0)) < abs(after.hundredths($1) - before.hundredths($1))
        }!
        pillar = moved
        let counts = Counts(state: state, monday: monday, pillar: moved)
        let (thisWeek, weekBefore) = (counts.thisWeek, counts.weekBefore)
        actions = counts.actions
        activeDays = counts.activeDays.count
        nextBest = state.nextBestActions(at: end).first
        let change = after.hundredths(moved) - before.hundredths(moved)
        let done = thisWeek.values.reduce(0, +)
        if change > 0, done == 0 {
            // Nothing of the pillar's own rose it: only the active days of other actions can.
            reason = "no \(moved.rawValue) actions; \(Self.days(activeDays)) active this week raised it"
        } else if change >= 0 {
            reason =
                done == 0
                ? "no \(moved.rawValue) actions, it held" : "\(Self.actions(done)) of \(moved.rawValue) this week"
        } else if done == 0 {
            reason = "no \(moved.rawValue) actions this week: its activity decayed"
        } else if let (kind, was) = weekBefore.max(by: {
            $0.value - (thisWeek[$0.key] ?? 0) < $1.value - (thisWeek[$1.key] ?? 0)
        }),
            was > thisWeek[kind] ?? 0
        {
            reason = "fewer \(kind) actions than the week before (\(thisWeek[kind] ?? 0) against \(was))"
        } else {
            reason = "its older activity decayed faster than \(Self.actions(done)) added"
        }
    }

    static func actions(_ count: Int) -> String { count == 1 ? "1 action" : "\(count) actions" }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    /// What the summary counts of a week's events and the week's before, from the events counted
    /// per action and day: fourteen days' counts, not a walk over every event of the years, which
    /// would bring every mapped page of a checkpoint's events into memory once a week.
    struct Counts: Equatable {
        /// The week's events.
        var actions = 0
        /// The week's days with an action that counts as active.
        var activeDays: Set<Int64> = []
        /// The week's events of `pillar`'s actions, by action.
        var thisWeek: [String: Int] = [:]
        /// The week before's events of `pillar`'s actions, by action.
        var weekBefore: [String: Int] = [:]

        init() {}

        init(state: ScoreState, monday: Int64, pillar: Pillar) {
            for day in (monday - 7)..<(monday + 7) {
                for (action, count) in state.actionCounts(onDay: day) {
                    guard let definition = state.model.actions[action] else { continue }
                    if day >= monday {
                        actions += count
                        if definition.countsAsActive { activeDays.insert(day) }
                        if definition.pillar == pillar { thisWeek[action, default: 0] += count }
                    } else if definition.pillar == pillar {
                        weekBefore[action, default: 0] += count
                    }
                }
            }
        }
    }

    /// The sentence the journal entry carries.
    public var message: String {
        let total = Score.format(endScore.totalHundredths)
        let delta = deltaHundredths >= 0 ? "+" + Score.format(deltaHundredths) : Score.format(deltaHundredths)
        var text =
            "Week \(week): SSI \(total) (\(delta)); \(pillar.rawValue) moved most "
            + "(\(pillarDeltaHundredths >= 0 ? "+" : "")\(Score.format(pillarDeltaHundredths))): \(reason); "
            + "\(Self.actions(actions)) on \(activeDays == 1 ? "1 day" : "\(activeDays) days")"
        if let nextBest { text += "; next best: \(nextBest.action) (+\(Score.format(nextBest.gainHundredths)))" }
        return text
    }

    /// The ISO 8601 week of a Monday: `2026-W48` (the week's Thursday decides the year).
    public static func label(monday: Int64) -> String {
        let thursday = CivilTime.date(days: monday + 3)
        let january1 = CivilTime.days(year: thursday.year, month: 1, day: 1)
        let week = Int((monday + 3 - january1) / 7) + 1
        return "\(thursday.year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }

    /// The Monday of an ISO week label, or nil when it is not one.
    public static func monday(of label: String) -> Int64? {
        let parts = label.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()),
            (1...53).contains(week)
        else { return nil }
        // The Monday of week 1 is the Monday on or before January 4.
        let january4 = CivilTime.days(year: year, month: 1, day: 4)
        let weekday = ((january4 + 3) % 7 + 7) % 7  // Monday 0
        let monday = january4 - weekday + Int64(week - 1) * 7
        return Self.label(monday: monday) == label.uppercased() ? monday : nil
    }

    /// The local Monday of the week an instant falls in.
    public static func monday(containing instant: Int64, calendar: LocalCalendar) -> Int64 {
        let day = calendar.day(of: instant)
        return day - ((day + 3) % 7 + 7) % 7
    }
}
