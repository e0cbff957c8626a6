/// `ssi-log today`: the day's actions against the goals, and the streak.
public struct TodayReport: Sendable, Equatable {
    /// One goal: an action kind, how many were logged today, how many the goal asks for.
    public struct Goal: Sendable, Equatable {
        public var action: String
        public var pillar: Pillar
        public var done: Int
        public var target: Int
        public var left: Int { max(0, target - done) }
    }

    public var date: String
    /// Units logged today per pillar.
    public var perPillar: [Pillar: Int]
    public var goals: [Goal]
    /// Days with activity in the last `streakWindow` days, today included.
    public var activeDays: Int
    public var streakWindow: Int
    /// Consecutive active days ending today (or yesterday, when today has nothing yet).
    public var currentStreak: Int
}
