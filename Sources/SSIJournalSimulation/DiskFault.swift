/// What the simulated disk does to one system call instead of completing it.
public enum DiskFault: Hashable, Sendable, CaseIterable {
    /// A write fails with ENOSPC and writes nothing.
    case noSpace
    /// A write writes about half of what it was given and returns that count (0 for one byte).
    case shortWrite
    /// The call fails with EIO and changes nothing; for a sync, the changes stay pending.
    case ioError
    /// A sync fails with EIO and each pending change reaches the disk or is lost, at random, while
    /// the page cache keeps showing all of them (Linux after a writeback error: the pages are marked
    /// clean, and the next sync reports success).
    case syncLosesPages
    /// The machine stops during the call: it never returns, and nothing after it happens.
    case powerCut
    /// The process is killed (`kill -9`) just before the call: the call never happens, the page
    /// cache keeps what was written, and every call fails until `restartProcess()`.
    case processKilled
}
