import SSIDomain
import SSIJSON

/// What `status` answers: the daemon, its journal and the last event.
public struct StatusResult: WireResult {
    /// The newest event that counts.
    public struct LastEvent: Sendable, Equatable {
        public var id: String
        public var action: String
        public var occurred: String

        public init(id: String, action: String, occurred: String) {
            self.id = id
            self.action = action
            self.occurred = occurred
        }
    }

    public var pid: Int
    public var uptimeSeconds: Int
    /// Records in the journal, damaged ones included.
    public var events: Int
    /// Events that count in the score (not undone).
    public var countedEvents: Int
    public var journalPath: String
    public var journalBytes: Int
    public var socket: String
    public var stateDirectory: String
    public var config: String
    public var lastEvent: LastEvent?
    public var score: Score

    public init(
        pid: Int, uptimeSeconds: Int, events: Int, countedEvents: Int, journalPath: String, journalBytes: Int,
        socket: String, stateDirectory: String, config: String, lastEvent: LastEvent?, score: Score
    ) {
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.events = events
        self.countedEvents = countedEvents
        self.journalPath = journalPath
        self.journalBytes = journalBytes
        self.socket = socket
        self.stateDirectory = stateDirectory
        self.config = config
        self.lastEvent = lastEvent
        self.score = score
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "status result")
        var last: LastEvent?
        if let value = json["last_event"], value != .null {
            let event = try ResultReader(value, "status result.last_event")
            last = LastEvent(
                id: try event.string("id"), action: try event.string("action"), occurred: try event.string("occurred"))
        }
        self.init(
            pid: try reader.int("pid"), uptimeSeconds: try reader.int("uptime_s"), events: try reader.int("events"),
            countedEvents: try reader.int("counted_events"), journalPath: try reader.string("journal_path"),
            journalBytes: try reader.int("journal_bytes"), socket: try reader.string("socket"),
            stateDirectory: try reader.string("state_dir"), config: try reader.string("config"), lastEvent: last,
            score: try Score(json: try reader.object("score")))
    }

    public var json: JSONValue {
        let last: JSONValue =
            lastEvent.map {
                .object([("id", .string($0.id)), ("action", .string($0.action)), ("occurred", .string($0.occurred))])
            } ?? .null
        return .object([
            ("pid", .int(pid)), ("uptime_s", .int(uptimeSeconds)), ("events", .int(events)),
            ("counted_events", .int(countedEvents)), ("journal_path", .string(journalPath)),
            ("journal_bytes", .int(journalBytes)), ("socket", .string(socket)), ("state_dir", .string(stateDirectory)),
            ("config", .string(config)), ("last_event", last), ("score", score.json),
        ])
    }
}
