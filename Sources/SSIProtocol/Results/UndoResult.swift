import SSIDomain
import SSIJSON

/// What `undo` answers: the undo record, the event it took away and the score after.
public struct UndoResult: WireResult {
    public var id: String
    public var seq: Int
    /// The event id undone.
    public var undone: String
    public var action: String
    public var occurred: String
    public var score: Score

    public init(id: String, seq: Int, undone: String, action: String, occurred: String, score: Score) {
        self.id = id
        self.seq = seq
        self.undone = undone
        self.action = action
        self.occurred = occurred
        self.score = score
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "undo result")
        self.init(
            id: try reader.string("id"), seq: try reader.int("seq"), undone: try reader.string("undone"),
            action: try reader.string("action"), occurred: try reader.string("occurred"),
            score: try Score(json: try reader.object("score")))
    }

    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("seq", .int(seq)), ("undone", .string(undone)), ("action", .string(action)),
            ("occurred", .string(occurred)), ("score", score.json),
        ])
    }
}
