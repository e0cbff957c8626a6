/// Daily targets for `ssi-log today`: a number of actions per kind, and points per pillar.
public struct DailyGoals: Sendable, Equatable {
    public var actions: [String: Int]
    public var streakDays: Int

    public init(actions: [String: Int] = [:], streakDays: Int = 7) {
        self.actions = actions
        self.streakDays = streakDays
    }
}
