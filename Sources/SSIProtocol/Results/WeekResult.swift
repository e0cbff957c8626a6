import SSIDomain
import SSIJSON

/// What `week` answers: the weekly word for one ISO week, as the journal entry carries it.
public struct WeekResult: WireResult {
    public var week: String
    public var message: String
    public var startScore: Score
    public var endScore: Score
    public var pillar: Pillar
    public var pillarDeltaHundredths: Int
    public var reason: String
    public var actions: Int
    public var activeDays: Int
    public var nextAction: String?

    public var deltaHundredths: Int { endScore.totalHundredths - startScore.totalHundredths }

    public init(_ summary: WeekSummary) {
        week = summary.week
        message = summary.message
        startScore = summary.startScore
        endScore = summary.endScore
        pillar = summary.pillar
        pillarDeltaHundredths = summary.pillarDeltaHundredths
        reason = summary.reason
        actions = summary.actions
        activeDays = summary.activeDays
        nextAction = summary.nextBest?.action
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "week result")
        week = try reader.string("week")
        message = try reader.string("message")
        startScore = try Score(json: try reader.object("start"))
        endScore = try Score(json: try reader.object("end"))
        pillar = try reader.pillar("pillar")
        pillarDeltaHundredths = try reader.hundredths("pillar_delta")
        reason = try reader.string("reason")
        actions = try reader.int("actions")
        activeDays = try reader.int("active_days")
        nextAction = try reader.optionalString("next_action")
        guard try reader.hundredths("delta") == deltaHundredths else { throw reader.missing("delta") }
    }

    public var json: JSONValue {
        .object([
            ("week", .string(week)), ("message", .string(message)), ("start", startScore.json), ("end", endScore.json),
            ("delta", .hundredths(deltaHundredths)), ("pillar", .string(pillar.rawValue)),
            ("pillar_delta", .hundredths(pillarDeltaHundredths)), ("reason", .string(reason)),
            ("actions", .int(actions)),
            ("active_days", .int(activeDays)), ("next_action", nextAction.map { .string($0) } ?? .null),
        ])
    }
}
