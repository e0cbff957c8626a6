import SSIConfig
import SSIDomain
import SSIJournal
import Testing

@testable import SSIDaemon

/// What an import finds typed by hand: the same action, typed (no source), still counting, within
/// the window, and not already standing for another row; kept by seq, also across a checkpoint.
@Suite struct TypedClaimTests {
    static let start: Int64 = 1_764_500_000

    static func action(_ seq: UInt64, _ action: String, at occurred: Int64, source: String? = nil) -> JournalEntry {
        .action(
            ActionEvent(
                id: "e\(seq)", seq: seq, action: action, occurred: occurred, recorded: start + 9_000,
                requestID: "r\(seq)", source: source))
    }

    @Test func aRowClaimsOneTypedEventThatStillCounts() throws {
        let model = try ConfigurationLoader.load(userText: "", userFile: "test").model
        var ledger = ScoreLedger(
            state: ScoreState(model: model), index: CommitIndex(), records: 0, lastSeq: 0, lastRecorded: nil,
            end: .start, typed: [:])
        let start = Self.start
        _ = ledger.commit(
            [
                Self.action(1, "comment", at: start),
                Self.action(2, "comment", at: start + 60, source: "Comments.csv:2"),
                Self.action(3, "comment", at: start + 3_600), Self.action(4, "like", at: start),
                .undo(UndoEvent(id: "u5", seq: 5, target: "e3", recorded: start + 9_000, requestID: "r5")),
                Self.action(6, "comment", at: start - 7_000),
            ], at: start + 9_000, journalLength: 600)
        var writer = BinaryWriter(capacity: 1024)
        ledger.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let resumed = try ScoreLedger(decoding: &reader, model: model, end: ledger.end)

        for var claiming in [ledger, resumed] {
            // e6 (earliest) comes first; then e1; e2 is imported, e3 undone: nothing else is left.
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row1") == "e6")
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row2") == "e1")
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row3") == nil)
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row1") == "e6")
            #expect(claiming.claimTyped("like", near: start + 10_000, within: 7_200, for: "row4") == nil)
            #expect(claiming.claimTyped("like", near: start + 7_200, within: 7_200, for: "row4") == "e4")
            #expect(claiming.claimTyped("post", near: start, within: 7_200, for: "row5") == nil)
        }
    }
}
