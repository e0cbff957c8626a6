/// One request line: `{"v":1,"id":"…","op":"…",…}`.
public struct Request: Sendable, Equatable {
    /// What a request asks for.
    public enum Operation: Sendable, Equatable {
        case log(LogRequest)
        case undo(target: String?)
        case score(explain: Bool)
        case status
        case history(days: Int)
        case actions
        case today
        case reload
        /// Silence alerts until a time (ISO 8601 or a date), or lift the pause with nil.
        case pause(until: String?)
        /// Record what LinkedIn's SSI page showed.
        case snapshot(SnapshotRequest)
        /// The weekly word for an ISO week (`2026-W47`), or the last complete week.
        case week(String?)
        /// Fit the model to the recorded snapshots (the answer says what would change).
        case calibrate
    }

    public static let version = 1
    /// Longest request line accepted, newline excluded.
    public static let maxBytes = 64 * 1024

    public var id: String
    public var operation: Operation

    public init(id: String, operation: Operation) {
        self.id = id
        self.operation = operation
    }
}

extension Request.Operation {
    /// The operation's entry in the contract table.
    public var name: OperationName {
        switch self {
        case .log: .log
        case .undo: .undo
        case .score: .score
        case .status: .status
        case .history: .history
        case .actions: .actions
        case .today: .today
        case .reload: .reload
        case .pause: .pause
        case .snapshot: .snapshot
        case .week: .week
        case .calibrate: .calibrate
        }
    }
}
