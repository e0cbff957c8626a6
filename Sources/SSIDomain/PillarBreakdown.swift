/// A pillar's score with the components it is made of.
public struct PillarBreakdown: Sendable, Equatable {
    public var pillar: Pillar
    public var raw: Double
    public var score: Double
    public var components: [ScoreComponent]
}
