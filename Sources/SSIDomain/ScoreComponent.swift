/// One input to a pillar and what it is worth now, for `score --explain`.
public struct ScoreComponent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case activity
        case tally
        case rate
        case activeDays = "active_days"
    }

    public var name: String
    public var kind: Kind
    /// Raw points before saturation.
    public var raw: Double
    /// The component's share of the pillar's score: raw / pillar raw × pillar score.
    public var points: Double
    /// A human-readable detail: a count, a rate, a number of days.
    public var detail: String
}
