/// One logged action, as the score sees it. Times are whole seconds since the Unix epoch.
///
/// The fields most events leave empty (tags, section, note, link, request id, source) live in one
/// shared immutable box, absent when all are empty: the state keeps every event that counts, and
/// this keeps each at 72 bytes instead of 176 (a fifth less memory at a million events).
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
    private var details: Details?

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
        self.details = Details.make(
            tags: tags, section: section, note: note, url: url, requestID: requestID, source: source)
    }

    public var tags: [String] {
        get { details?.tags ?? [] }
        set { details = Details.make(changing: details, tags: newValue) }
    }

    /// Which profile section, for actions that feed a distinct tally.
    public var section: String? {
        get { details?.section }
        set { details = Details.make(changing: details, section: .some(newValue)) }
    }

    public var note: String? {
        get { details?.note }
        set { details = Details.make(changing: details, note: .some(newValue)) }
    }

    public var url: String? {
        get { details?.url }
        set { details = Details.make(changing: details, url: .some(newValue)) }
    }

    /// The client's request id, so that a retried request is not logged twice.
    public var requestID: String? {
        get { details?.requestID }
        set { details = Details.make(changing: details, requestID: .some(newValue)) }
    }

    /// Where it came from when not typed: the import file and row (`Shares.csv:12`).
    public var source: String? {
        get { details?.source }
        set { details = Details.make(changing: details, source: .some(newValue)) }
    }

    /// What the score state keeps of an event: everything but the note, the link and the request
    /// id (they stay in the journal), in one step rather than one new box per field.
    public var keptForScoring: ActionEvent {
        var kept = self
        kept.details = Details.make(changing: details, note: .some(nil), url: .some(nil), requestID: .some(nil))
        return kept
    }

    public static func == (left: ActionEvent, right: ActionEvent) -> Bool {
        left.id == right.id && left.seq == right.seq && left.action == right.action && left.occurred == right.occurred
            && left.recorded == right.recorded && left.count == right.count && left.tags == right.tags
            && left.section == right.section && left.note == right.note && left.url == right.url
            && left.requestID == right.requestID && left.source == right.source
    }

    /// Never changed once made: a setter makes a new box, so copies of an event stay independent.
    private final class Details: Sendable {
        let tags: [String]
        let section: String?
        let note: String?
        let url: String?
        let requestID: String?
        let source: String?

        private init(
            tags: [String], section: String?, note: String?, url: String?, requestID: String?, source: String?
        ) {
            self.tags = tags
            self.section = section
            self.note = note
            self.url = url
            self.requestID = requestID
            self.source = source
        }

        /// Nil when every field is empty: most kept events need no box at all.
        static func make(
            tags: [String], section: String?, note: String?, url: String?, requestID: String?, source: String?
        ) -> Details? {
            if tags.isEmpty, section == nil, note == nil, url == nil, requestID == nil, source == nil { return nil }
            return Details(tags: tags, section: section, note: note, url: url, requestID: requestID, source: source)
        }

        /// `old` with the fields given replaced (a double optional: `.some(nil)` clears one).
        static func make(
            changing old: Details?, tags: [String]? = nil, section: String?? = nil, note: String?? = nil,
            url: String?? = nil, requestID: String?? = nil, source: String?? = nil
        ) -> Details? {
            make(
                tags: tags ?? old?.tags ?? [], section: section ?? old?.section, note: note ?? old?.note,
                url: url ?? old?.url, requestID: requestID ?? old?.requestID, source: source ?? old?.source)
        }
    }
}
