import SSIDomain
import SSIJSON

/// What `actions` answers: the catalog.
public struct ActionsResult: WireResult {
    /// One catalog action.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var pillar: Pillar
        /// Activity points per unit, in hundredths.
        public var pointsHundredths: Int
        public var dailyCap: Int
        public var tally: String?
        public var summary: String

        public init(name: String, pillar: Pillar, pointsHundredths: Int, dailyCap: Int, tally: String?, summary: String)
        {
            self.name = name
            self.pillar = pillar
            self.pointsHundredths = pointsHundredths
            self.dailyCap = dailyCap
            self.tally = tally
            self.summary = summary
        }
    }

    public var actions: [Entry]

    public init(actions: [Entry]) {
        self.actions = actions
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "actions result")
        self.init(
            actions: try reader.list("actions") { (item) throws(ProtocolError) in
                let entry = try ResultReader(item, "action")
                return Entry(
                    name: try entry.string("name"), pillar: try entry.pillar("pillar"),
                    pointsHundredths: try entry.hundredths("points"), dailyCap: try entry.int("daily_cap"),
                    tally: try entry.optionalString("tally"), summary: try entry.string("summary"))
            })
    }

    public var json: JSONValue {
        .object([
            (
                "actions",
                .array(
                    actions.map {
                        .object([
                            ("name", .string($0.name)), ("pillar", .string($0.pillar.rawValue)),
                            ("points", .hundredths($0.pointsHundredths)), ("daily_cap", .int($0.dailyCap)),
                            ("tally", $0.tally.map { .string($0) } ?? .null), ("summary", .string($0.summary)),
                        ])
                    })
            )
        ])
    }
}
