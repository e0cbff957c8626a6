/// A journal record of what LinkedIn's SSI page showed at an instant: never part of the score,
/// kept beside it to compare and calibrate.
public struct SnapshotEvent: Sendable, Equatable {
    public var id: String
    public var seq: UInt64
    /// When the page showed it.
    public var occurred: Int64
    public var recorded: Int64
    public var values: SnapshotValues
    public var requestID: String?

    public init(
        id: String, seq: UInt64, occurred: Int64, recorded: Int64, values: SnapshotValues, requestID: String? = nil
    ) {
        self.id = id
        self.seq = seq
        self.occurred = occurred
        self.recorded = recorded
        self.values = values
        self.requestID = requestID
    }
}
