import SSIDomain
import SSIJSON

/// What `score` answers: the score now and, when one was recorded, LinkedIn's latest snapshot with
/// the difference per pillar (ours minus theirs).
public struct ScoreResult: WireResult {
    public var score: Score
    public var snapshot: SnapshotLine?

    public init(score: Score, snapshot: SnapshotLine?) {
        self.score = score
        self.snapshot = snapshot
    }

    public init(json: JSONValue) throws(ProtocolError) {
        score = try Score(json: json)
        snapshot = try json["snapshot"].map { (value) throws(ProtocolError) in try SnapshotLine(json: value) }
    }

    public var json: JSONValue {
        guard case .object(var members) = score.json else { return score.json }
        if let snapshot {
            guard case .object(var line) = snapshot.json else { return score.json }
            let difference = snapshot.difference(from: score)
            line.append(
                (
                    "difference",
                    .object(
                        [("total", JSONValue.hundredths(difference.total))]
                            + Pillar.allCases.map { ($0.rawValue, .hundredths(difference.pillars[$0] ?? 0)) })
                ))
            members.append(("snapshot", .object(line)))
        }
        return .object(members)
    }
}
