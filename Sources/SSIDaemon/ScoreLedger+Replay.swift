import SSIDomain
import SSIJournal

extension ScoreLedger {
    /// The journal's records before `end` replayed under `model`, read and scanned `chunk` bytes at
    /// a time: the ledger the whole file's scan builds, without holding the whole file and every
    /// record it decodes at once (206 MB and a million records at a million events), which the
    /// heap would keep after they are freed.
    static func replaying(
        _ journal: JournalFile, upTo end: Int, model: ScoreModel, chunk: Int = 4 << 20
    ) throws(JournalError) -> ScoreLedger {
        var ledger = ScoreLedger(scan: JournalScan.scan([]), model: model)
        var offset = 0
        var carried: [UInt8] = []
        while offset < end {
            let read = try journal.synced(offset..<min(end, offset + chunk))
            guard !read.isEmpty else { throw .io("\(journal.path) is shorter than \(end) bytes") }
            offset += read.count
            var bytes = carried + read
            carried = []
            // A record cut by the chunk's end waits for the next chunk, unless the journal ends there.
            if offset < end {
                guard let newline = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
                    carried = bytes
                    continue
                }
                carried = Array(bytes[(newline + 1)...])
                bytes.removeSubrange((newline + 1)...)
            }
            ledger.replay(JournalScan.scan(bytes, from: ledger.end))
        }
        return ledger
    }
}
