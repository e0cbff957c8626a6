import NIOPosix
import SSIJournal

/// The journal's one writer thread. One thread does every journal write and sync, so records never
/// interleave and a fault injected at the Nth call (strace counts per thread) hits the Nth append.
/// The store calls `append` for one batch at a time, which is what makes the file safe to share.
final class JournalWriter: Sendable {
    let journal: JournalFile
    private let thread: NIOThreadPool

    init(journal: JournalFile) {
        self.journal = journal
        self.thread = NIOThreadPool(numberOfThreads: 1)
        self.thread.start()
    }

    /// Writes and syncs one batch on the writer thread; returns the journal's new length.
    func append(_ lines: [[UInt8]]) async -> Result<Int, JournalError> {
        let journal = self.journal
        do {
            return .success(
                try await thread.runIfActive {
                    try journal.append(lines)
                    return journal.length
                })
        } catch let error as JournalError {
            return .failure(error)
        } catch {
            return .failure(.io("journal writer unavailable: \(error)"))
        }
    }

    func shutdown() async { try? await thread.shutdownGracefully() }
}
