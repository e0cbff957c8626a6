import SSIDomain
import SSIProtocol

/// The appends waiting for the disk, and the batch being written: what group commit batches, what
/// back-pressure counts, and what a retried request or an undo must see as not yet acknowledged.
/// Refused work never enters it, so it leaves no trace.
struct GroupCommitQueue {
    /// An entry waiting for its batch to reach the disk.
    struct Item {
        var requestID: String
        /// The action event id this entry will carry, or the event an undo targets.
        var eventID: String?
        var undoTarget: String?
        var build: @Sendable (UInt64) -> JournalEntry
        var waiter: CheckedContinuation<Result<ScoreLedger.Committed, ProtocolError>, Never>
    }

    private(set) var waiting: [Item] = []
    /// The batch being written now: unacknowledged, so it counts against the cap.
    private(set) var writing: [Item] = []

    var isEmpty: Bool { waiting.isEmpty }
    var count: Int { waiting.count + writing.count }

    func contains(requestID: String) -> Bool {
        waiting.contains { $0.requestID == requestID } || writing.contains { $0.requestID == requestID }
    }

    func holds(eventID: String) -> Bool {
        waiting.contains { $0.eventID == eventID } || writing.contains { $0.eventID == eventID }
    }

    var undoTargets: Set<String> { Set((waiting + writing).compactMap(\.undoTarget)) }

    mutating func append(_ item: Item) { waiting.append(item) }

    /// Moves everything waiting into the batch being written.
    mutating func takeBatch() -> [Item] {
        writing = waiting
        waiting = []
        return writing
    }

    mutating func finishBatch() { writing = [] }
}
