import SSIDomain
import SSIJSON

/// What `history` answers: the closing score of each local day, oldest first.
public struct HistoryResult: WireResult {
    /// One local day: `{"date": "2026-11-29", "total": …, "pillars": {…}}`.
    public struct Day: Sendable, Equatable {
        public var date: String
        public var score: Score
        /// The last LinkedIn snapshot recorded that day, if any.
        public var snapshot: SnapshotLine?

        public init(date: String, score: Score, snapshot: SnapshotLine? = nil) {
            self.date = date
            self.score = score
            self.snapshot = snapshot
        }
    }

    public var days: [Day]

    public init(days: [Day]) {
        self.days = days
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "history result")
        self.init(
            days: try reader.list("days") { (item) throws(ProtocolError) in
                Day(
                    date: try ResultReader(item, "history day").string("date"), score: try Score(json: item),
                    snapshot: try item["snapshot"].map { (value) throws(ProtocolError) in try SnapshotLine(json: value)
                    })
            })
    }

    public var json: JSONValue {
        .object([
            (
                "days",
                .array(
                    days.map { day in
                        var members: [(String, JSONValue)] = [("date", .string(day.date))]
                        if case .object(let score) = day.score.json { members += score }
                        if let snapshot = day.snapshot { members.append(("snapshot", snapshot.json)) }
                        return .object(members)
                    })
            )
        ])
    }
}
