/// A record boundary in the journal and what a scan knew on reaching it: where a scan resumes
/// after a checkpoint as if it had read everything before.
public struct JournalPosition: Sendable, Equatable {
    /// Bytes before the boundary.
    public var offset: Int
    public var lastSeq: UInt64
    /// Complete lines before the boundary, damaged ones included.
    public var lineCount: Int
    /// Damaged lines since the last intact record (they explain a jump in sequence numbers).
    public var damagedSinceGood: Int

    public init(offset: Int, lastSeq: UInt64, lineCount: Int, damagedSinceGood: Int) {
        self.offset = offset
        self.lastSeq = lastSeq
        self.lineCount = lineCount
        self.damagedSinceGood = damagedSinceGood
    }

    /// The start of the file.
    public static let start = JournalPosition(offset: 0, lastSeq: 0, lineCount: 0, damagedSinceGood: 0)
}
