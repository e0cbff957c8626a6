import NIOPosix
import SSIDomain
import SSIJournal

#if canImport(Glibc)
    import Glibc
#endif

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

    /// The checkpoint in the directory, read under `model` as a start reads it (its events mapped,
    /// not copied); nil when it cannot be used.
    func readBack(model: ScoreModel) async -> ScoreLedger? {
        let directory = self.directory
        return try? await thread.runIfActive {
            try? LedgerCheckpoint.read(directory: directory, model: model).get().ledger
        }
    }

    /// Hands the heap's free pages back to the system (`malloc_trim`), on this thread: after a
    /// ledger of every event in memory is let go, malloc would otherwise keep them for itself.
    func returnFreedMemory() async {
        _ = try? await thread.runIfActive { Self.mallocTrim?(0) }
    }

    /// glibc's `malloc_trim`, which Swift's Glibc module leaves out (it is in `malloc.h`).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim"
    ).map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }

    func shutdown() async { try? await thread.shutdownGracefully() }
}
