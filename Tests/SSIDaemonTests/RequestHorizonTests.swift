import Foundation
import SSIConfig
import SSIDomain
import SSIJournal
import Testing

@testable import SSIDaemon

/// Idempotency within a horizon: a request id is remembered for 7 days of the journal's time (a
/// retry comes within seconds), ids derived from an import's rows for as long as the journal, and
/// what is past the horizon leaves memory.
@Suite struct RequestHorizonTests {
    static let start: Int64 = 1_764_500_000
    static let day: Int64 = 86_400

    static func event(_ seq: UInt64, recorded: Int64, request: String) -> JournalEntry {
        .action(
            ActionEvent(
                id: "e\(seq)", seq: seq, action: "comment", occurred: recorded, recorded: recorded, requestID: request))
    }

    static func isAnswered(_ request: String, _ ledger: ScoreLedger) -> Bool {
        if case .answered = ledger.index.lookup(request, in: ledger.state) { return true }
        return false
    }

    @Test func aRequestIsAnsweredWithinTheHorizonAndForgottenAfterIt() throws {
        let model = try ConfigurationLoader.load(userText: "", userFile: "test").model
        var ledger = ScoreLedger(
            state: ScoreState(model: model), index: CommitIndex(), records: 0, lastSeq: 0, lastRecorded: nil,
            end: .start)
        _ = ledger.commit(
            [
                Self.event(1, recorded: Self.start, request: "typed-1"),
                Self.event(2, recorded: Self.start, request: "import-00000000000000aa"),
                Self.event(3, recorded: Self.start, request: "restore-e1"),
            ], at: Self.start, journalLength: 300)
        _ = ledger.commit(
            [Self.event(4, recorded: Self.start + 7 * Self.day, request: "typed-4")], at: Self.start + 7 * Self.day,
            journalLength: 400)
        #expect(Self.isAnswered("typed-1", ledger), "exactly 7 days later is still within the horizon")
        _ = ledger.commit(
            [Self.event(5, recorded: Self.start + 7 * Self.day + 1, request: "typed-5")],
            at: Self.start + 7 * Self.day + 1, journalLength: 500)
        #expect(!Self.isAnswered("typed-1", ledger), "past the horizon a request id answers as unused")
        #expect(Self.isAnswered("typed-4", ledger))
        #expect(Self.isAnswered("import-00000000000000aa", ledger), "an import's ids last as long as the journal")
        #expect(Self.isAnswered("restore-e1", ledger))

        // Memory: ids past the horizon are dropped once the journal's time moves on by another horizon.
        _ = ledger.commit(
            [Self.event(6, recorded: Self.start + 15 * Self.day, request: "typed-6")], at: Self.start + 15 * Self.day,
            journalLength: 600)
        #expect(Set(ledger.index.requests.keys.map(\.text)) == ["import-00000000000000aa", "restore-e1", "typed-6"])

        // A checkpoint keeps the horizon's origin: the same answers after a resumed start.
        var writer = BinaryWriter(capacity: 1024)
        let section = ledger.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let resumed = try ScoreLedger(
            decoding: &reader, model: model, end: ledger.end, sealed: SealedEvents(copying: section))
        for request in ["typed-1", "typed-4", "typed-5", "typed-6", "import-00000000000000aa", "restore-e1"] {
            #expect(Self.isAnswered(request, resumed) == Self.isAnswered(request, ledger), "\(request)")
        }
        #expect(!Self.isAnswered("typed-5", resumed))
    }

    /// What each undo took away is kept while a request can ask for it: an undo within the horizon,
    /// and an event a lasting request logged; past the horizon the rest leaves memory.
    @Test func undoneEntriesLeaveMemoryWithTheirRequests() throws {
        let model = try ConfigurationLoader.load(userText: "", userFile: "test").model
        var ledger = ScoreLedger(
            state: ScoreState(model: model), index: CommitIndex(), records: 0, lastSeq: 0, lastRecorded: nil,
            end: .start)
        func undo(_ seq: UInt64, target: String, at recorded: Int64, request: String) -> JournalEntry {
            .undo(UndoEvent(id: "u\(seq)", seq: seq, target: target, recorded: recorded, requestID: request))
        }
        _ = ledger.commit(
            [
                Self.event(1, recorded: Self.start, request: "typed-1"),
                Self.event(2, recorded: Self.start, request: "import-00000000000000bb"),
                undo(3, target: "e1", at: Self.start, request: "undo-3"),
                undo(4, target: "e2", at: Self.start, request: "undo-4"),
            ], at: Self.start, journalLength: 300)
        #expect(Set(ledger.index.undos.keys) == ["u3", "u4"] && Set(ledger.index.undoneEvents.keys) == ["e1", "e2"])
        #expect(Self.isAnswered("undo-3", ledger) && ledger.index.undone("e1") != nil)
        // Two horizons on: the typed event and both undos can no longer be asked for; the event the
        // import's lasting request logged still answers it, though it was undone.
        _ = ledger.commit(
            [Self.event(5, recorded: Self.start + 15 * Self.day, request: "typed-5")], at: Self.start + 15 * Self.day,
            journalLength: 400)
        #expect(ledger.index.undos.isEmpty)
        #expect(Set(ledger.index.undoneEvents.keys) == ["e2"])
        #expect(Self.isAnswered("import-00000000000000bb", ledger))
        #expect(!Self.isAnswered("undo-3", ledger) && ledger.state.undone["e1"] == "u3", "still known as undone")
    }

    /// Through the real daemon and socket, with its clock moved on: a retry within the week gets its
    /// first answer, a reuse after it logs anew, an import's row is "already logged" a year later,
    /// and a restart (from the checkpoint, then from the journal alone) answers the same.
    @Test func theDaemonForgetsRequestIdsAfterAWeekButNotAnImportsRows() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(Self.start)
        try daemon.start()
        func log(_ request: String) throws -> (id: String, repeated: Bool) {
            let connection = try RawConnection(path: daemon.socketPath)
            let reply = try connection.request(#"{"v":1,"id":"\#(request)","op":"log","action":"comment"}"#)
            let result = try #require(reply["result"] as? [String: Any], "\(reply)")
            return (try #require(result["id"] as? String), try #require(result["repeated"] as? Bool))
        }
        let typed = try log("retry-1")
        let imported = try log("import-00000000000000bb")
        #expect(!typed.repeated && !imported.repeated)

        try daemon.setClock(Self.start + 6 * Self.day)
        let retried = try log("retry-1")
        #expect(retried.repeated && retried.id == typed.id, "a retry within the week is answered as before")

        try daemon.setClock(Self.start + 8 * Self.day)
        _ = try log("later")
        let reused = try log("retry-1")
        #expect(!reused.repeated && reused.id != typed.id, "after a week the id is free again")
        let reimported = try log("import-00000000000000bb")
        #expect(reimported.repeated && reimported.id == imported.id)

        for fromJournal in [false, true] {
            #expect(daemon.stop() == 0)
            if fromJournal {
                try FileManager.default.removeItem(atPath: daemon.stateDirectory + "/" + LedgerCheckpoint.fileName)
            }
            try daemon.start()
            #expect(try log("retry-1") == (reused.id, true), "after a restart (from the journal: \(fromJournal))")
            #expect(try log("import-00000000000000bb") == (imported.id, true))
            #expect(try log("later").repeated)
        }
        #expect(try daemon.journalLines().count == 4)
    }
}
