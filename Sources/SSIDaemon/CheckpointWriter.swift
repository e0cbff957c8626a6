import NIOPosix
import SSIJournal

/// Encodes and writes checkpoints on a thread of its own: never the journal writer's (a checkpoint
/// must not stand between two batches) and never the actor's (encoding a long history takes time).
final class CheckpointWriter: Sendable {
    let directory: String
    private let thread: NIOThreadPool

    init(directory: String) {
        self.directory = directory
        self.thread = NIOThreadPool(numberOfThreads: 1)
        self.thread.start()
    }

    /// Writes a checkpoint of `ledger`, whose records end the journal at `ledger.end`; nil on
    /// success, else why not (the previous checkpoint, if any, is left as it was).
    func write(_ ledger: ScoreLedger, journal: JournalFile, fingerprint: UInt64) async -> String? {
        let directory = self.directory
        do {
            return try await thread.runIfActive {
                let anchor: JournalAnchor
                do {
                    anchor = try journal.anchor(at: ledger.end)
                } catch {
                    return "checkpoint not written: \(error)"
                }
                let bytes = LedgerCheckpoint.encode(ledger, anchor: anchor, fingerprint: fingerprint)
                // Encoding read every sealed event: those pages need not stay the daemon's.
                ledger.state.events.dropResidentPages()
                return LedgerCheckpoint.write(bytes, directory: directory).map { "checkpoint not written: \($0)" }
            }
        } catch {
            return "checkpoint not written: \(error)"
        }
    }

    func shutdown() async { try? await thread.shutdownGracefully() }
}
