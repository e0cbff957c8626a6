/// A score as reported: each pillar in hundredths of a point, the total their sum.
public struct Score: Sendable, Equatable, CustomStringConvertible {
    // A field per pillar rather than a dictionary: every log answers with a score, and the first
    // dictionary keyed by pillar in a process has the Swift runtime look up `Pillar: Hashable` by
    // scanning every protocol conformance in the binary (the client's quick entry paid it each run).
    private var brand: Int
    private var find: Int
    private var engage: Int
    private var relationships: Int

    /// Hundredths of a point per pillar, 0...2500.
    public init(brand: Int, find: Int, engage: Int, relationships: Int) {
        self.brand = brand
        self.find = find
        self.engage = engage
        self.relationships = relationships
    }

    /// A pillar missing from `pillarHundredths` counts as 0.
    public init(pillarHundredths: [Pillar: Int]) {
        self.init(
            brand: pillarHundredths[.brand] ?? 0, find: pillarHundredths[.find] ?? 0,
            engage: pillarHundredths[.engage] ?? 0, relationships: pillarHundredths[.relationships] ?? 0)
    }

    init(pillarValues: [Pillar: Double]) {
        func hundredths(_ pillar: Pillar) -> Int {
            Int((min(Pillar.maximum, max(0, pillarValues[pillar] ?? 0)) * 100).rounded())
        }
        self.init(
            brand: hundredths(.brand), find: hundredths(.find), engage: hundredths(.engage),
            relationships: hundredths(.relationships))
    }

    /// Hundredths of a point per pillar, 0...2500, every pillar present.
    public var pillarHundredths: [Pillar: Int] {
        [.brand: brand, .find: find, .engage: engage, .relationships: relationships]
    }

    /// The total in hundredths: the sum of the reported pillars, so the parts always add up.
    public var totalHundredths: Int { brand + find + engage + relationships }

    public func hundredths(_ pillar: Pillar) -> Int {
        switch pillar {
        case .brand: brand
        case .find: find
        case .engage: engage
        case .relationships: relationships
        }
    }

    public var total: Double { Double(totalHundredths) / 100 }

    public func value(_ pillar: Pillar) -> Double { Double(hundredths(pillar)) / 100 }

    public var description: String {
        "\(Score.format(totalHundredths)) ("
            + Pillar.allCases.map { "\($0.rawValue) \(Score.format(hundredths($0)))" }
            .joined(separator: ", ") + ")"
    }

    /// `63.41` from 6341.
    public static func format(_ hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
