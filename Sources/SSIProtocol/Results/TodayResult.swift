import SSIDomain
import SSIJSON

/// What `today` answers: the day's actions against the goals, and the streak.
public struct TodayResult: WireResult {
    /// One daily goal.
    public struct Goal: Sendable, Equatable {
        public var action: String
        public var pillar: Pillar
        public var done: Int
        public var target: Int
        public var left: Int { max(0, target - done) }

        public init(action: String, pillar: Pillar, done: Int, target: Int) {
            self.action = action
            self.pillar = pillar
            self.done = done
            self.target = target
        }
    }

    public var date: String
    /// Units logged today per pillar.
    public var perPillar: [Pillar: Int]
    public var goals: [Goal]
    public var activeDays: Int
    public var windowDays: Int
    public var streak: Int

    public init(date: String, perPillar: [Pillar: Int], goals: [Goal], activeDays: Int, windowDays: Int, streak: Int) {
        self.date = date
        self.perPillar = perPillar
        self.goals = goals
        self.activeDays = activeDays
        self.windowDays = windowDays
        self.streak = streak
    }

    public init(_ report: TodayReport) {
        self.init(
            date: report.date, perPillar: report.perPillar,
            goals: report.goals.map { Goal(action: $0.action, pillar: $0.pillar, done: $0.done, target: $0.target) },
            activeDays: report.activeDays, windowDays: report.streakWindow, streak: report.currentStreak)
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "today result")
        self.init(
            date: try reader.string("date"),
            perPillar: try reader.perPillar("pillars") { (members, key) throws(ProtocolError) in try members.int(key) },
            goals: try reader.list("goals") { (item) throws(ProtocolError) in
                let goal = try ResultReader(item, "goal")
                return Goal(
                    action: try goal.string("action"), pillar: try goal.pillar("pillar"), done: try goal.int("done"),
                    target: try goal.int("target"))
            }, activeDays: try reader.int("active_days"), windowDays: try reader.int("window_days"),
            streak: try reader.int("streak"))
    }

    public var json: JSONValue {
        .object([
            ("date", .string(date)),
            ("pillars", .object(Pillar.allCases.map { ($0.rawValue, .int(perPillar[$0] ?? 0)) })),
            (
                "goals",
                .array(
                    goals.map {
                        .object([
                            ("action", .string($0.action)), ("pillar", .string($0.pillar.rawValue)),
                            ("done", .int($0.done)), ("target", .int($0.target)), ("left", .int($0.left)),
                        ])
                    })
            ),
            ("active_days", .int(activeDays)), ("window_days", .int(windowDays)), ("streak", .int(streak)),
        ])
    }
}
