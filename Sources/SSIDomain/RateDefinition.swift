/// A state input that is a ratio of two counts: the reply rate to messages sent, the acceptance
/// rate of connection requests.
///
/// The rate is smoothed towards a prior (`(hits + prior × priorWeight) / (tries + priorWeight)`),
/// so that one early reply does not read as a 100 % rate. A try enters the denominator only
/// `delay` after it happened: a message sent this morning has not had its chance to be answered,
/// so sending it never lowers the score at that instant.
public struct RateDefinition: Sendable, Equatable {
    public var name: String
    public var pillar: Pillar
    /// Points at a rate of 100 %.
    public var points: Double
    public var numerator: [String]
    public var denominator: [String]
    public var delaySeconds: Int64
    public var prior: Double
    public var priorWeight: Double

    public init(
        name: String, pillar: Pillar, points: Double, numerator: [String], denominator: [String],
        delaySeconds: Int64, prior: Double, priorWeight: Double
    ) {
        self.name = name
        self.pillar = pillar
        self.points = points
        self.numerator = numerator
        self.denominator = denominator
        self.delaySeconds = delaySeconds
        self.prior = prior
        self.priorWeight = priorWeight
    }

    /// The smoothed rate in [0, 1].
    public func rate(hits: Int, tries: Int) -> Double {
        let value = (Double(hits) + prior * priorWeight) / (Double(tries) + priorWeight)
        return min(1, max(0, value))
    }
}
