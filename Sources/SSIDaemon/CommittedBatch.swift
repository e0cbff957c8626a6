import SSIDomain

/// One batch of entries just made durable, as the store hands it to its consumers (journald
/// entries and alert checks), which run after the batch's waiters are answered, never before the
/// next batch's write.
public struct CommittedBatch: Sendable {
    public var entries: [JournalEntry]
    /// The state right after the batch.
    public var state: ScoreState
    public var now: Int64
    public var score: Score
}
