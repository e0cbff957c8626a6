import SSIDomain
import SSIJSON

extension Score {
    /// `{"total": 63.41, "pillars": {"brand": …, "find": …, "engage": …, "relationships": …}}`.
    var json: JSONValue {
        .object([
            ("total", .hundredths(totalHundredths)),
            ("pillars", .object(Pillar.allCases.map { ($0.rawValue, .hundredths(hundredths($0))) })),
        ])
    }
}

extension JSONValue {
    /// A decimal rounded to two places, for raw points and component shares.
    static func points(_ value: Double) -> JSONValue { .hundredths(Int((value * 100).rounded())) }
}
