import SSIDomain

/// One batch of entries just made durable, as the store hands it to its consumers (journald
/// entries and alert checks), which run after the batch's waiters are answered, never before the
/// next batch's write.
public struct CommittedBatch: Sendable {
    public var entries: [JournalEntry]
    /// What the alert check needs of the state right after the batch. Not the state itself: a
    /// consumer holding a copy of it would make the store's next commit copy every event it keeps.
    public var model: ScoreModel
    public var calendar: LocalCalendar
    public var pausedUntil: Int64?
    public var now: Int64
    public var score: Score
}
