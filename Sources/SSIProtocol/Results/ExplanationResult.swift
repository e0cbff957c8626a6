import SSIDomain
import SSIJSON

/// What `score --explain` answers: each pillar's components, the actions carrying most of the
/// score, and the next best actions.
public struct ExplanationResult: WireResult {
    /// One input to a pillar and its share of the pillar's points.
    public struct Component: Sendable, Equatable {
        public var name: String
        /// `activity`, `tally`, `rate` or `active_days`.
        public var kind: String
        public var rawHundredths: Int
        public var pointsHundredths: Int
        public var detail: String
    }

    /// A pillar's score with its raw points and components.
    public struct PillarLine: Sendable, Equatable {
        public var scoreHundredths: Int
        public var rawHundredths: Int
        public var components: [Component]
    }

    /// An action by the activity points it still carries.
    public struct TopAction: Sendable, Equatable {
        public var action: String
        public var rawHundredths: Int
    }

    /// What one more of an action would add to the total now.
    public struct NextAction: Sendable, Equatable {
        public var action: String
        public var pillar: Pillar
        public var gainHundredths: Int
        /// The unrounded gain with six decimals, which orders ties.
        public var gainExact: String
    }

    public var score: Score
    public var pillars: [Pillar: PillarLine]
    public var topActions: [TopAction]
    public var nextBestActions: [NextAction]

    public init(_ explanation: ScoreExplanation) {
        score = explanation.score
        var lines: [Pillar: PillarLine] = [:]
        for breakdown in explanation.pillars {
            lines[breakdown.pillar] = PillarLine(
                scoreHundredths: explanation.score.hundredths(breakdown.pillar),
                rawHundredths: Self.hundredths(breakdown.raw),
                components: breakdown.components.map {
                    Component(
                        name: $0.name, kind: $0.kind.rawValue, rawHundredths: Self.hundredths($0.raw),
                        pointsHundredths: Self.hundredths($0.points), detail: $0.detail)
                })
        }
        pillars = lines
        topActions = explanation.topActions.map {
            TopAction(action: $0.action, rawHundredths: Self.hundredths($0.points))
        }
        nextBestActions = explanation.nextBestActions.map {
            NextAction(
                action: $0.action, pillar: $0.pillar, gainHundredths: $0.gainHundredths,
                gainExact: Self.sixDecimals($0.gain))
        }
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "explanation")
        let lines = try reader.perPillar("pillars") { (members, key) throws(ProtocolError) in
            let line = try ResultReader(try members.object(key), "explanation.\(key)")
            return PillarLine(
                scoreHundredths: try line.hundredths("score"), rawHundredths: try line.hundredths("raw"),
                components: try line.list("components") { (item) throws(ProtocolError) in
                    let component = try ResultReader(item, "component")
                    return Component(
                        name: try component.string("name"), kind: try component.string("kind"),
                        rawHundredths: try component.hundredths("raw"),
                        pointsHundredths: try component.hundredths("points"),
                        detail: try component.string("detail"))
                })
        }
        pillars = lines
        score = Score(pillarHundredths: lines.mapValues(\.scoreHundredths))
        guard try reader.hundredths("total") == score.totalHundredths else {
            throw ProtocolError(.internalError, "unreadable explanation: the total is not the sum of the pillars")
        }
        topActions = try reader.list("top_actions") { (item) throws(ProtocolError) in
            let top = try ResultReader(item, "top action")
            return TopAction(action: try top.string("action"), rawHundredths: try top.hundredths("raw"))
        }
        nextBestActions = try reader.list("next_best_actions") { (item) throws(ProtocolError) in
            let next = try ResultReader(item, "next best action")
            return NextAction(
                action: try next.string("action"), pillar: try next.pillar("pillar"),
                gainHundredths: try next.hundredths("gain"), gainExact: try next.number("gain_exact"))
        }
    }

    public var json: JSONValue {
        .object([
            ("total", .hundredths(score.totalHundredths)),
            (
                "pillars",
                .object(
                    Pillar.allCases.map { pillar in
                        let line = pillars[pillar] ?? PillarLine(scoreHundredths: 0, rawHundredths: 0, components: [])
                        return (
                            pillar.rawValue,
                            .object([
                                ("score", .hundredths(line.scoreHundredths)), ("raw", .hundredths(line.rawHundredths)),
                                (
                                    "components",
                                    .array(
                                        line.components.map {
                                            .object([
                                                ("name", .string($0.name)), ("kind", .string($0.kind)),
                                                ("raw", .hundredths($0.rawHundredths)),
                                                ("points", .hundredths($0.pointsHundredths)),
                                                ("detail", .string($0.detail)),
                                            ])
                                        })
                                ),
                            ])
                        )
                    })
            ),
            (
                "top_actions",
                .array(
                    topActions.map {
                        .object([("action", .string($0.action)), ("raw", .hundredths($0.rawHundredths))])
                    })
            ),
            (
                "next_best_actions",
                .array(
                    nextBestActions.map {
                        .object([
                            ("action", .string($0.action)), ("pillar", .string($0.pillar.rawValue)),
                            ("gain", .hundredths($0.gainHundredths)), ("gain_exact", .number($0.gainExact)),
                        ])
                    })
            ),
        ])
    }

    static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded()) }

    static func sixDecimals(_ value: Double) -> String {
        let scaled = Int64((value * 1_000_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
