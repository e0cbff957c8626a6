/// The fields of a `log` request.
public struct LogRequest: Sendable, Equatable {
    public var action: String
    public var note: String?
    /// As typed: ISO 8601 or a relative offset; the daemon reads it in the configured time zone.
    public var at: String?
    public var count: Int
    public var url: String?
    public var tags: [String]
    public var section: String?
    /// Where an imported action came from (`Shares.csv:12`); nil when typed.
    public var source: String?
    /// For imports: when an event of the same action that was typed by hand happened within this
    /// many seconds, the import is the same action seen twice: it is reported, not logged.
    public var typedWithin: Int?

    public init(
        action: String, note: String? = nil, at: String? = nil, count: Int = 1, url: String? = nil,
        tags: [String] = [], section: String? = nil, source: String? = nil, typedWithin: Int? = nil
    ) {
        self.action = action
        self.note = note
        self.at = at
        self.count = count
        self.url = url
        self.tags = tags
        self.section = section
        self.source = source
        self.typedWithin = typedWithin
    }
}
