/// What LinkedIn's SSI page showed: the total ("53 out of 100"), four pillars with up to three
/// decimals ("20.998"), and the "Top N%" ranks. Validated: pillars 0-25, the total the rounded sum
/// of the pillars (one point of slack for the page's own rounding).
public struct SnapshotValues: Sendable, Equatable {
    /// Why values were refused.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public var total: Int
    /// Each pillar in thousandths of a point, 0...25_000.
    public var pillarThousandths: [Pillar: Int]
    /// "Top N%" in the industry and in the network, 1...100.
    public var industryRank: Int?
    public var networkRank: Int?

    public init(total: Int, pillarThousandths: [Pillar: Int], industryRank: Int? = nil, networkRank: Int? = nil)
        throws(Invalid)
    {
        guard (0...100).contains(total) else { throw Invalid(description: "the total must be 0 to 100, not \(total)") }
        for pillar in Pillar.allCases {
            guard let value = pillarThousandths[pillar] else {
                throw Invalid(description: "\(pillar.rawValue) is missing")
            }
            guard (0...25_000).contains(value) else {
                throw Invalid(description: "\(pillar.rawValue) must be 0 to 25, not \(Self.format(value))")
            }
        }
        let sum = pillarThousandths.values.reduce(0, +)
        guard abs(total * 1000 - sum) <= 1500 else {
            throw Invalid(
                description: "the total \(total) does not match the pillars, which add up to \(Self.format(sum))")
        }
        for rank in [industryRank, networkRank].compactMap({ $0 }) where !(1...100).contains(rank) {
            throw Invalid(description: "a rank is a top percentage, 1 to 100, not \(rank)")
        }
        self.total = total
        self.pillarThousandths = pillarThousandths
        self.industryRank = industryRank
        self.networkRank = networkRank
    }

    public func thousandths(_ pillar: Pillar) -> Int { pillarThousandths[pillar] ?? 0 }

    /// `20.998` from 20998.
    public static func format(_ thousandths: Int) -> String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `20.998`, `20,998`, `21`, `20.5` as thousandths.
    public static func thousandths(_ text: String) -> Int? {
        let normalized = text.map { $0 == "," ? "." : $0 }
        let parts = String(normalized).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
            let whole = Int(parts[0]),
            whole >= 0
        else { return nil }
        guard parts.count == 2 else { return whole * 1000 }
        let digits = parts[1]
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
        else { return nil }
        return whole * 1000 + value * [100, 10, 1][digits.count - 1]
    }
}
