import Foundation
import SSIJournal
import Testing

@testable import SSIDaemon

/// A reload reads the journal a chunk at a time; the ledger must be the whole file's, records cut
/// by a chunk's end and damaged lines included.
@Suite struct ChunkedReplayTests {
    @Test func aReplayByChunksIsTheWholeFilesReplay() throws {
        let model = try LedgerCheckpointTests.model()
        let written = try LedgerCheckpointTests.directory()
        defer { try? FileManager.default.removeItem(atPath: written) }
        _ = try LedgerCheckpointTests.writeJournal(in: written, model: model, seed: 5)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: written + "/journal.jsonl")))
        // Damage in the middle: a line of garbage and a hole of NULs where a record began.
        let lines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        try #require(lines.count > 100)
        bytes.insert(contentsOf: Array("not a record\n".utf8), at: lines[30] + 1)
        for index in (lines[60] + 1)..<(lines[60] + 40) { bytes[index] = 0 }
        let directory = try LedgerCheckpointTests.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/journal.jsonl"))
        let (file, scan) = try JournalFile.open(directory: directory)
        try #require(scan.damaged.count >= 2, "the damage must be there for the test to prove anything")
        let whole = LedgerCheckpointTests.observable(ScoreLedger(scan: scan, model: model))
        for chunk in [1, 37, 200, 1_000, 4_096, 1 << 20] {
            let chunked = try ScoreLedger.replaying(file, upTo: file.length, model: model, chunk: chunk)
            #expect(LedgerCheckpointTests.observable(chunked) == whole, "chunks of \(chunk) bytes")
        }
    }
}
