import SSIDomain
import SSIJSON

extension ScoreExplanation {
    var json: JSONValue {
        let pillarMembers: [(String, JSONValue)] = pillars.map { breakdown in
            (
                breakdown.pillar.rawValue,
                .object([
                    ("score", .hundredths(score.hundredths(breakdown.pillar))),
                    ("raw", .points(breakdown.raw)),
                    (
                        "components",
                        .array(
                            breakdown.components.map { component in
                                .object([
                                    ("name", .string(component.name)), ("kind", .string(component.kind.rawValue)),
                                    ("raw", .points(component.raw)), ("points", .points(component.points)),
                                    ("detail", .string(component.detail)),
                                ])
                            })
                    ),
                ])
            )
        }
        return .object([
            ("total", .hundredths(score.totalHundredths)),
            ("pillars", .object(pillarMembers)),
            (
                "top_actions",
                .array(topActions.map { .object([("action", .string($0.action)), ("raw", .points($0.points))]) })
            ),
            (
                "next_best_actions",
                .array(
                    nextBestActions.map {
                        .object([
                            ("action", .string($0.action)), ("pillar", .string($0.pillar.rawValue)),
                            ("gain", .hundredths($0.gainHundredths)), ("gain_exact", .number(String(format6($0.gain)))),
                        ])
                    })
            ),
        ])
    }

    private func format6(_ value: Double) -> String {
        let scaled = Int64((value * 1_000_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
