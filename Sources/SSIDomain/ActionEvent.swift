/// One logged action, as the score sees it. Times are whole seconds since the Unix epoch.
///
/// The fields most events leave empty (`Details`: tags, section, note, link, request id, source)
/// live in one shared immutable box, absent when all are empty, and read and write as if they were
/// the event's own (`event.note`): the state keeps every event that counts, and this keeps each at
/// 72 bytes inline instead of 176.
@dynamicMemberLookup
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
    private var box: DetailsBox?

    /// What an event may carry beside what the score counts.
    public struct Details: Sendable, Equatable {
        public var tags: [String] = []
        /// Which profile section, for actions that feed a distinct tally.
        public var section: String?
        public var note: String?
        public var url: String?
        /// The client's request id, so that a retried request is not logged twice.
        public var requestID: String?
        /// Where it came from when not typed: the import file and row (`Shares.csv:12`).
        public var source: String?

        public init(
            tags: [String] = [], section: String? = nil, note: String? = nil, url: String? = nil,
            requestID: String? = nil, source: String? = nil
        ) {
            self.tags = tags
            self.section = section
            self.note = note
            self.url = url
            self.requestID = requestID
            self.source = source
        }

        var isEmpty: Bool { self == Details() }
    }

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
        // Most events carry none of them: no value to build and compare with an empty one.
        if tags.isEmpty, section == nil, note == nil, url == nil, requestID == nil, source == nil { return }
        self.details = Details(
            tags: tags, section: section, note: note, url: url, requestID: requestID, source: source)
    }

    /// All of them at once; setting them makes a new box (or none), so copies stay independent.
    public var details: Details {
        get { box?.details ?? Self.noDetails }
        set { box = newValue.isEmpty ? nil : DetailsBox(details: newValue) }
    }

    /// Whether any detail is set: a check of the box, nothing built or compared.
    public var hasDetails: Bool { box != nil }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Details, Value>) -> Value {
        get { details[keyPath: field] }
        set { details[keyPath: field] = newValue }
    }

    private static let noDetails = Details()

    /// What the score state keeps of an event: everything but the note, the link, the request id
    /// and the time recorded, which reads as the time it happened (they stay in the journal, and
    /// nothing reads them from the state), in one step rather than one new box per field.
    public var keptForScoring: ActionEvent {
        var kept = self
        kept.recorded = occurred
        guard let held = box?.details, held.note != nil || held.url != nil || held.requestID != nil else { return kept }
        var details = self.details
        details.note = nil
        details.url = nil
        details.requestID = nil
        kept.details = details
        return kept
    }

    /// Never changed once made, and compared by what it holds.
    private final class DetailsBox: Sendable, Equatable {
        let details: Details

        init(details: Details) { self.details = details }

        static func == (left: DetailsBox, right: DetailsBox) -> Bool { left.details == right.details }
    }
}
