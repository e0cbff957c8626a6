#if canImport(Glibc)
    import Glibc
#endif

/// A state input that never decays: network size, followers, endorsements, profile sections.
public struct TallyDefinition: Sendable, Equatable {
    /// How a count turns into points.
    public enum Curve: String, Sendable, Equatable {
        /// `points × count`: every unit is worth the same (profile sections).
        case linear
        /// `points × log2(1 + count)`: doubling the network adds the same, so size matters but
        /// does not swamp everything else.
        case log2
    }

    public var name: String
    public var pillar: Pillar
    public var points: Double
    public var curve: Curve
    /// When set, only these values of `--section` are accepted and each counts once.
    public var distinctValues: [String]?
    /// Weights for tagged units (`decision-maker` counts more, `internal` less); untagged is 1.
    public var tagWeights: [String: Double]

    public init(
        name: String, pillar: Pillar, points: Double, curve: Curve, distinctValues: [String]? = nil,
        tagWeights: [String: Double] = [:]
    ) {
        self.name = name
        self.pillar = pillar
        self.points = points
        self.curve = curve
        self.distinctValues = distinctValues
        self.tagWeights = tagWeights
    }

    /// The weight of one unit with these tags: the largest weight among its known tags, else 1.
    func milliWeight(tags: [String]) -> Milli {
        let weights = tags.compactMap { tagWeights[$0] }
        return Milli(thousandthsOf: weights.max() ?? 1)
    }

    func points(forWeightedCount count: Milli) -> Double {
        let amount = max(0, count.units)
        switch curve {
        case .linear: return points * amount
        case .log2: return points * Glibc.log2(1 + amount)
        }
    }
}
