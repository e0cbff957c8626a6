import SSIDomain
import SSIJSON

/// `{"total": 63.41, "pillars": {"brand": …, "find": …, "engage": …, "relationships": …}}`: the
/// result of `score` and the score inside other results.
extension Score: WireResult {
    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "score")
        let pillars = try reader.perPillar("pillars") { (members, key) throws(ProtocolError) in
            try members.hundredths(key)
        }
        self.init(pillarHundredths: pillars)
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
