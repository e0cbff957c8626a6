/// What one journal record holds. Undo and corrections are new entries, never rewrites.
public enum JournalEntry: Sendable, Equatable {
    case action(ActionEvent)
    case undo(UndoEvent)
    case pause(PauseEvent)
    /// What LinkedIn's SSI page showed (`ssi-log snapshot`).
    case snapshot(SnapshotEvent)

    public var seq: UInt64 {
        switch self {
        case .action(let event): event.seq
        case .undo(let undo): undo.seq
        case .pause(let pause): pause.seq
        case .snapshot(let snapshot): snapshot.seq
        }
    }

    public var id: String {
        switch self {
        case .action(let event): event.id
        case .undo(let undo): undo.id
        case .pause(let pause): pause.id
        case .snapshot(let snapshot): snapshot.id
        }
    }

    public var requestID: String? {
        switch self {
        case .action(let event): event.requestID
        case .undo(let undo): undo.requestID
        case .pause(let pause): pause.requestID
        case .snapshot(let snapshot): snapshot.requestID
        }
    }

    public var recorded: Int64 {
        switch self {
        case .action(let event): event.recorded
        case .undo(let undo): undo.recorded
        case .pause(let pause): pause.recorded
        case .snapshot(let snapshot): snapshot.recorded
        }
    }
}
