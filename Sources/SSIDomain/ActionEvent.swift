/// One logged action, as the score sees it. Times are whole seconds since the Unix epoch.
public struct ActionEvent: Sendable, Equatable {
    /// The unique event id shown to the user and used by `undo`.
    public var id: String
    /// The journal sequence number: ties on `occurred` are broken by it.
    public var seq: UInt64
    public var action: String
    /// When it happened (may be backdated with `--at`).
    public var occurred: Int64
    /// When it was written to the journal.
    public var recorded: Int64
    public var count: Int
    public var tags: [String]
    /// Which profile section, for actions that feed a distinct tally.
    public var section: String?
    public var note: String?
    public var url: String?
    /// The client's request id, so that a retried request is not logged twice.
    public var requestID: String?
    /// Where it came from when not typed: the import file and row (`Shares.csv:12`).
    public var source: String?

    public init(
        id: String, seq: UInt64, action: String, occurred: Int64, recorded: Int64, count: Int = 1,
        tags: [String] = [], section: String? = nil, note: String? = nil, url: String? = nil,
        requestID: String? = nil, source: String? = nil
    ) {
        self.id = id
        self.seq = seq
        self.action = action
        self.occurred = occurred
        self.recorded = recorded
        self.count = count
        self.tags = tags
        self.section = section
        self.note = note
        self.url = url
        self.requestID = requestID
        self.source = source
    }
}
