/// A compensating record: the target event no longer counts, as if it had never been logged.
public struct UndoEvent: Sendable, Equatable {
    public var id: String
    public var seq: UInt64
    /// The id of the event being undone.
    public var target: String
    public var recorded: Int64
    public var requestID: String?

    public init(id: String, seq: UInt64, target: String, recorded: Int64, requestID: String? = nil) {
        self.id = id
        self.seq = seq
        self.target = target
        self.recorded = recorded
        self.requestID = requestID
    }
}
