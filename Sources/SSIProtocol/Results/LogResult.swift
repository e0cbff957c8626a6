import SSIDomain
import SSIJSON

/// What `log` answers: the event, the score after it and what it changed.
public struct LogResult: WireResult {
    public var id: String
    public var seq: Int
    public var action: String
    /// When it happened, ISO 8601 UTC.
    public var occurred: String
    public var score: Score
    public var pillar: Pillar
    /// The change of the action's pillar, in hundredths.
    public var deltaHundredths: Int
    public var totalDeltaHundredths: Int
    /// The request id was already logged: this is its first answer again.
    public var repeated: Bool
    /// Not logged: the same action typed by hand (this event id) is already in the journal.
    public var duplicateOf: String?

    public init(
        id: String, seq: Int, action: String, occurred: String, score: Score, pillar: Pillar, deltaHundredths: Int,
        totalDeltaHundredths: Int, repeated: Bool, duplicateOf: String? = nil
    ) {
        self.id = id
        self.seq = seq
        self.action = action
        self.occurred = occurred
        self.score = score
        self.pillar = pillar
        self.deltaHundredths = deltaHundredths
        self.totalDeltaHundredths = totalDeltaHundredths
        self.repeated = repeated
        self.duplicateOf = duplicateOf
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "log result")
        self.init(
            id: try reader.string("id"), seq: try reader.int("seq"), action: try reader.string("action"),
            occurred: try reader.string("occurred"), score: try Score(json: try reader.object("score")),
            pillar: try reader.pillar("pillar"), deltaHundredths: try reader.hundredths("delta"),
            totalDeltaHundredths: try reader.hundredths("total_delta"), repeated: try reader.bool("repeated"),
            duplicateOf: try reader.optionalString("duplicate_of"))
    }

    public var json: JSONValue {
        .object(
            [
                ("id", .string(id)), ("seq", .int(seq)), ("action", .string(action)), ("occurred", .string(occurred)),
                ("score", score.json), ("pillar", .string(pillar.rawValue)), ("delta", .hundredths(deltaHundredths)),
                ("total_delta", .hundredths(totalDeltaHundredths)), ("repeated", .bool(repeated)),
            ] + (duplicateOf.map { [("duplicate_of", .string($0))] } ?? []))
    }
}
