/// A score as reported: each pillar in hundredths of a point, the total their sum.
public struct Score: Sendable, Equatable, CustomStringConvertible {
    /// Hundredths of a point per pillar, 0...2500.
    public var pillarHundredths: [Pillar: Int]

    public init(pillarHundredths: [Pillar: Int]) {
        self.pillarHundredths = pillarHundredths
    }

    init(pillarValues: [Pillar: Double]) {
        var hundredths: [Pillar: Int] = [:]
        for pillar in Pillar.allCases {
            let value = min(Pillar.maximum, max(0, pillarValues[pillar] ?? 0))
            hundredths[pillar] = Int((value * 100).rounded())
        }
        self.pillarHundredths = hundredths
    }

    /// The total in hundredths: the sum of the reported pillars, so the parts always add up.
    public var totalHundredths: Int { Pillar.allCases.reduce(0) { $0 + (pillarHundredths[$1] ?? 0) } }

    public func hundredths(_ pillar: Pillar) -> Int { pillarHundredths[pillar] ?? 0 }

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
