/// One kind of action the user can log, from the catalog in the configuration.
public struct ActionDefinition: Sendable, Equatable {
    /// The name typed on the command line, such as `comment`.
    public var name: String
    public var pillar: Pillar
    /// Activity points for one unit, before decay. Zero for pure state inputs.
    public var points: Double
    /// Units of this action per local day that earn activity points; the rest earn nothing.
    public var dailyCap: Int
    /// The non-decaying tally this action adds to (network size, followers, profile sections).
    public var tally: String?
    /// Whether doing this action makes the day an active day (received things do not).
    public var countsAsActive: Bool
    /// One line for `ssi-log actions`.
    public var summary: String

    public init(
        name: String, pillar: Pillar, points: Double, dailyCap: Int, tally: String? = nil,
        countsAsActive: Bool = true, summary: String = ""
    ) {
        self.name = name
        self.pillar = pillar
        self.points = points
        self.dailyCap = dailyCap
        self.tally = tally
        self.countsAsActive = countsAsActive
        self.summary = summary
    }

    var milliPoints: Milli { Milli(thousandthsOf: points) }
}
