import SSIDomain
import SSIJSON

/// What `snapshot` answers: the record, and the local score at the same instant to compare.
public struct SnapshotResult: WireResult {
    public var seq: Int
    public var snapshot: SnapshotLine
    /// The local score when the page showed the snapshot.
    public var local: Score

    public init(seq: Int, snapshot: SnapshotLine, local: Score) {
        self.seq = seq
        self.snapshot = snapshot
        self.local = local
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "snapshot result")
        self.init(
            seq: try reader.int("seq"), snapshot: try SnapshotLine(json: try reader.object("snapshot")),
            local: try Score(json: try reader.object("local")))
    }

    public var json: JSONValue {
        .object([("seq", .int(seq)), ("snapshot", snapshot.json), ("local", local.json)])
    }
}
