import SSIDomain
import SSIJSON

/// A recorded LinkedIn snapshot as results carry it: `{"id", "occurred", "total", "pillars": {…},
/// "industry_rank", "network_rank"}`, pillars with three decimals as the page shows them.
public struct SnapshotLine: Sendable, Equatable {
    public var id: String
    public var occurred: String
    public var values: SnapshotValues

    public init(id: String, occurred: String, values: SnapshotValues) {
        self.id = id
        self.occurred = occurred
        self.values = values
    }

    public init(_ event: SnapshotEvent) {
        self.init(id: event.id, occurred: CivilTime.formatUTC(event.occurred), values: event.values)
    }

    init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "snapshot")
        let pillars = try reader.perPillar("pillars") { (members, key) throws(ProtocolError) in
            guard let value = SnapshotValues.thousandths(try members.number(key)) else { throw members.missing(key) }
            return value
        }
        let total = try reader.int("total")
        do throws(SnapshotValues.Invalid) {
            values = try SnapshotValues(
                total: total, pillarThousandths: pillars,
                industryRank: json["industry_rank"]?.intValue, networkRank: json["network_rank"]?.intValue)
        } catch {
            throw ProtocolError(.internalError, "unreadable snapshot: \(error.description)")
        }
        id = try reader.string("id")
        occurred = try reader.string("occurred")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)), ("occurred", .string(occurred)), ("total", .int(values.total)),
            (
                "pillars",
                .object(Pillar.allCases.map { ($0.rawValue, .number(SnapshotValues.format(values.thousandths($0)))) })
            ),
        ]
        if let rank = values.industryRank { members.append(("industry_rank", .int(rank))) }
        if let rank = values.networkRank { members.append(("network_rank", .int(rank))) }
        return .object(members)
    }

    /// Our score minus LinkedIn's, per pillar and in total, in hundredths (LinkedIn's thousandths
    /// rounded): positive when the local model is above the page.
    public func difference(from score: Score) -> (total: Int, pillars: [Pillar: Int]) {
        var pillars: [Pillar: Int] = [:]
        for pillar in Pillar.allCases {
            pillars[pillar] = score.hundredths(pillar) - Int((Double(values.thousandths(pillar)) / 10).rounded())
        }
        return (score.totalHundredths - values.total * 100, pillars)
    }
}
