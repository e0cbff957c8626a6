/// A warning that the score fell: what fell, from what peak, to what.
public struct ScoreAlert: Sendable, Equatable {
    /// `total`, or a pillar's name.
    public var key: String
    /// The highest value since the last alert for this key, in hundredths.
    public var previousHundredths: Int
    public var currentHundredths: Int
    /// The pillar that fell most, to name the main reason when the total fell.
    public var mainPillar: Pillar?
    public var at: Int64

    public var deltaHundredths: Int { currentHundredths - previousHundredths }
}
