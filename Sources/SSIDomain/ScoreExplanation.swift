/// Everything `score --explain` shows.
public struct ScoreExplanation: Sendable, Equatable {
    public var at: Int64
    public var score: Score
    public var pillars: [PillarBreakdown]
    /// Actions by the activity points they still carry, largest first.
    public var topActions: [(action: String, points: Double)]
    public var nextBestActions: [NextBestAction]

    public static func == (lhs: ScoreExplanation, rhs: ScoreExplanation) -> Bool {
        lhs.at == rhs.at && lhs.score == rhs.score && lhs.pillars == rhs.pillars
            && lhs.topActions.map(\.action) == rhs.topActions.map(\.action)
            && lhs.nextBestActions == rhs.nextBestActions
    }
}
