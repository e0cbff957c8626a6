/// The closing score of one local day.
public struct DailyScore: Sendable, Equatable {
    /// Days since 1970-01-01 in local time.
    public var day: Int64
    /// `2026-11-29`.
    public var date: String { CivilTime.formatDate(days: day) }
    /// The instant the closing score was taken: the day's last second, or now for today.
    public var at: Int64
    public var score: Score
}
