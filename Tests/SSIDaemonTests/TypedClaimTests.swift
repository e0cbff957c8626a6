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
            end: .start)
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
        let section = ledger.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let resumed = try ScoreLedger(
            decoding: &reader, model: model, end: ledger.end, sealed: SealedEvents(copying: section))

        for var claiming in [ledger, resumed] {
            // e6 (earliest) comes first; then e1; e2 is imported, e3 undone: nothing else is left.
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row1", at: start) == "e6")
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row2", at: start) == "e1")
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row3", at: start) == nil)
            #expect(claiming.claimTyped("comment", near: start + 100, within: 7_200, for: "row1", at: start) == "e6")
            #expect(claiming.claimTyped("like", near: start + 10_000, within: 7_200, for: "row4", at: start) == nil)
            #expect(claiming.claimTyped("like", near: start + 7_200, within: 7_200, for: "row4", at: start) == "e4")
            #expect(claiming.claimTyped("post", near: start, within: 7_200, for: "row5", at: start) == nil)
        }
    }

    /// Only an import needs the index: a ledger that never checks holds none, the first check builds
    /// it from the events, a batch keeps it current, and a batch after imports stop drops it; built
    /// again, it finds the same events and the claims still hold.
    @Test func theIndexIsBuiltForImportsAndDroppedWhenTheyStop() throws {
        let model = try ConfigurationLoader.load(userText: "", userFile: "test").model
        let start = Self.start
        var ledger = ScoreLedger(
            state: ScoreState(model: model), index: CommitIndex(), records: 0, lastSeq: 0, lastRecorded: nil,
            end: .start)
        _ = ledger.commit([Self.action(1, "comment", at: start)], at: start, journalLength: 100)
        #expect(ledger.typed == nil)
        #expect(ledger.claimTyped("comment", near: start, within: 60, for: "row1", at: start) == "e1")
        #expect(ledger.typed?["comment"]?.map(\.seq) == [1])
        _ = ledger.commit([Self.action(2, "comment", at: start - 30)], at: start + 10, journalLength: 200)
        #expect(ledger.typed?["comment"]?.map(\.seq) == [2, 1])
        #expect(ledger.claimTyped("comment", near: start, within: 60, for: "row2", at: start + 20) == "e2")
        let idle = start + 20 + ScoreLedger.typedIdleSeconds + 1
        _ = ledger.commit([Self.action(3, "like", at: idle)], at: idle, journalLength: 300)
        #expect(ledger.typed == nil)
        #expect(ledger.claimTyped("comment", near: start, within: 60, for: "row3", at: idle) == nil)
        #expect(ledger.claimTyped("comment", near: start, within: 60, for: "row1", at: idle) == "e1")
        #expect(ledger.claimTyped("like", near: idle, within: 60, for: "row4", at: idle) == "e3")
    }
}
