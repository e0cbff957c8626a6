import SSIJSON

/// What `pause` answers: the pause record and until when alerts are silent (nil: resumed).
public struct PauseResult: WireResult {
    public var id: String
    public var seq: Int
    public var pausedUntil: String?

    public init(id: String, seq: Int, pausedUntil: String?) {
        self.id = id
        self.seq = seq
        self.pausedUntil = pausedUntil
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "pause result")
        self.init(
            id: try reader.string("id"), seq: try reader.int("seq"),
            pausedUntil: try reader.optionalString("paused_until"))
    }

    public var json: JSONValue {
        .object([
            ("id", .string(id)), ("seq", .int(seq)), ("paused_until", pausedUntil.map { .string($0) } ?? .null),
        ])
    }
}
