/// How many points one more of an action would add right now, caps and saturation included.
public struct NextBestAction: Sendable, Equatable {
    public var action: String
    public var pillar: Pillar
    /// The gain in the total, in hundredths.
    public var gainHundredths: Int
    /// The unrounded gain, which orders actions whose rounded gains tie.
    public var gain: Double
}
