import SSIDomain
import SSIJSON

/// `{"total": 63.41, "pillars": {"brand": …, "find": …, "engage": …, "relationships": …}}`: the
/// result of `score` and the score inside other results.
extension Score: WireResult {
    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "score")
        let pillars = try ResultReader(try reader.object("pillars"), "score.pillars")
        self.init(
            brand: try pillars.hundredths(Pillar.brand.rawValue), find: try pillars.hundredths(Pillar.find.rawValue),
            engage: try pillars.hundredths(Pillar.engage.rawValue),
            relationships: try pillars.hundredths(Pillar.relationships.rawValue))
        guard try reader.hundredths("total") == totalHundredths else {
            throw ProtocolError(.internalError, "unreadable score: the total is not the sum of the pillars")
        }
    }

    public var json: JSONValue {
        .object([
            ("total", .hundredths(totalHundredths)),
            ("pillars", .object(Pillar.allCases.map { ($0.rawValue, .hundredths(hundredths($0))) })),
        ])
    }
}
