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
        /// Actions that happened that day, per pillar.
        public var actions: [Pillar: Int]

        public init(date: String, score: Score, snapshot: SnapshotLine? = nil, actions: [Pillar: Int] = [:]) {
            self.date = date
            self.score = score
            self.snapshot = snapshot
            self.actions = Dictionary(uniqueKeysWithValues: Pillar.allCases.map { ($0, actions[$0] ?? 0) })
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
                    },
                    actions: try Self.actions(item))
            })
    }

    /// `"actions": {"brand": 1, …}` of a day; absent in older answers.
    static func actions(_ item: JSONValue) throws(ProtocolError) -> [Pillar: Int] {
        guard item["actions"] != nil else { return [:] }
        return try ResultReader(item, "history day").perPillar("actions") { (members, key) throws(ProtocolError) in
            try members.int(key)
        }
    }

    public var json: JSONValue {
        .object([
            (
                "days",
                .array(
                    days.map { day in
                        var members: [(String, JSONValue)] = [("date", .string(day.date))]
                        if case .object(let score) = day.score.json { members += score }
                        members.append(
                            ("actions", .object(Pillar.allCases.map { ($0.rawValue, .int(day.actions[$0] ?? 0)) })))
                        if let snapshot = day.snapshot { members.append(("snapshot", snapshot.json)) }
                        return .object(members)
                    })
            )
        ])
    }
}
