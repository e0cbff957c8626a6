/// Silences score-drop alerts until a date (a vacation), or lifts an earlier pause (`until` nil).
public struct PauseEvent: Sendable, Equatable {
    public var id: String
    public var seq: UInt64
    public var until: Int64?
    public var recorded: Int64
    public var requestID: String?

    public init(id: String, seq: UInt64, until: Int64?, recorded: Int64, requestID: String? = nil) {
        self.id = id
        self.seq = seq
        self.until = until
        self.recorded = recorded
        self.requestID = requestID
    }
}
