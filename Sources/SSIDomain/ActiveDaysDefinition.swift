/// Points for consistency: each local day in the window with at least one action of your own.
public struct ActiveDaysDefinition: Sendable, Equatable {
    public var pillar: Pillar
    public var pointsPerDay: Double
    public var windowDays: Int

    public init(pillar: Pillar, pointsPerDay: Double, windowDays: Int) {
        self.pillar = pillar
        self.pointsPerDay = pointsPerDay
        self.windowDays = windowDays
    }
}
