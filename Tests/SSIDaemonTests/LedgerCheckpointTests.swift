import Foundation
import SSIConfig
import SSIDomain
import SSIJournal
import SSIJournalSimulation
import Testing

@testable import SSIDaemon

/// The checkpoint: a start that resumes from it sees exactly what a replay of the whole journal
/// sees, and a damaged, torn, stale or mismatching one is never trusted.
@Suite struct LedgerCheckpointTests {
    static let now: Int64 = 1_764_500_000

    static func model(_ extra: String = "") throws -> ScoreModel {
        try ConfigurationLoader.load(userText: "[score]\ntimezone = \"Europe/Lisbon\"\n" + extra, userFile: "test")
            .model
    }

    /// A journal of mixed entries written batch by batch the way the store writes it, with the ledger
    /// kept alongside and a checkpoint taken after some batches. Returns the checkpoints' bytes.
    static func writeJournal(in directory: String, model: ScoreModel, seed: UInt64) throws -> (
        ledger: ScoreLedger, checkpoints: [[UInt8]]
    ) {
        var random = SeededGenerator(seed: seed)
        let (file, scan) = try JournalFile.open(directory: directory)
        var ledger = ScoreLedger(scan: scan, model: model)
        var checkpoints: [[UInt8]] = []
        var ids: [String] = []
        let actions = ["comment", "like", "connect", "accepted", "post", "message", "reply", "profile", "search"]
        for batch in 0..<60 {
            var entries: [JournalEntry] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let seq = ledger.lastSeq + UInt64(entries.count) + 1
                let id = "e\(seq)"
                switch Int.random(in: 0..<20, using: &random) {
                case 0 where !ids.isEmpty:
                    entries.append(
                        .undo(UndoEvent(id: id, seq: seq, target: ids.randomElement(using: &random)!, recorded: now)))
                case 1:
                    entries.append(.pause(PauseEvent(id: id, seq: seq, until: now + 3_600, recorded: now)))
                case 2:
                    let values = try SnapshotValues(
                        total: 40,
                        pillarThousandths: [.brand: 10_000, .find: 10_000, .engage: 10_000, .relationships: 10_000])
                    entries.append(
                        .snapshot(
                            SnapshotEvent(id: id, seq: seq, occurred: now - 86_400, recorded: now, values: values)))
                default:
                    let action = actions.randomElement(using: &random)!
                    let occurred = now - Int64.random(in: 0..<(120 * 86_400), using: &random)
                    entries.append(
                        .action(
                            ActionEvent(
                                id: id, seq: seq, action: action, occurred: occurred, recorded: now,
                                count: Int.random(in: 1...3, using: &random),
                                tags: Bool.random(using: &random) ? ["decision-maker"] : [],
                                section: action == "profile" ? "headline" : nil, note: "note \(seq)",
                                requestID: "r\(seq)", source: Bool.random(using: &random) ? "Shares.csv:\(seq)" : nil)))
                    ids.append(id)
                }
            }
            try file.append(entries.map(JournalRecord.encode))
            _ = ledger.commit(entries, at: now, journalLength: file.length)
            if batch % 7 == 3 {
                let anchor = try file.anchor(at: ledger.end)
                checkpoints.append(
                    LedgerCheckpoint.encode(ledger, anchor: anchor, fingerprint: model.inputsFingerprint))
            }
        }
        return (ledger, checkpoints)
    }

    static func directory() throws -> String {
        var template = Array("/tmp/ssicXXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: template)
    }

    /// What a start computes: read the checkpoint, open the journal from its anchor, replay the rest.
    static func start(directory: String, model: ScoreModel) throws -> (ledger: ScoreLedger, resumed: Bool) {
        let checkpoint = LedgerCheckpoint.read(directory: directory, model: model)
        let (_, scan) = try JournalFile.open(directory: directory, resumingAt: try? checkpoint.get().anchor)
        let resumed = (try? checkpoint.get()).flatMap { scan.start == $0.anchor.position ? $0.ledger : nil }
        return (ScoreLedger(scan: scan, model: model, resuming: resumed), resumed != nil)
    }

    /// Everything a client can observe of a ledger, as text to compare.
    static func observable(_ ledger: ScoreLedger) -> String {
        let state = ledger.state
        var lines = [
            "score \(state.score(at: now).totalHundredths)", "records \(ledger.records)", "lastSeq \(ledger.lastSeq)",
            "lastRecorded \(ledger.lastRecorded ?? -1)", "end \(ledger.end)", "events \(state.events.count)",
            "undone \(state.undone.count)", "snapshots \(state.snapshots.count)", "paused \(state.pausedUntil ?? -1)",
            "latest \(ledger.latestUndoable(excluding: []) ?? "-")",
            "history \(state.history(days: 40, now: now).map(\.score.totalHundredths))",
        ]
        lines += state.breakdown(at: now).map { "\($0.pillar) \($0.score) \($0.components.map(\.raw))" }
        for seq in 1...ledger.lastSeq {
            switch ledger.index.lookup("r\(seq)", in: state) {
            case .unused: break
            case .answered(let entry): lines.append("r\(seq) -> \(entry.id)")
            case .usedWithoutAnswer: lines.append("r\(seq) used")
            }
        }
        // What an import would find typed by hand: one claim per day of rows, each typed event once.
        for action in ["comment", "like", "connect", "accepted", "post", "message", "reply", "profile", "search"] {
            var claiming = ledger
            let claims = (0..<121).map { day in
                claiming.claimTyped(action, near: now - Int64(day) * 86_400, within: 43_200, for: "row\(day)", at: now)
                    ?? "-"
            }
            lines.append("typed \(action) \(claims)")
        }
        return lines.joined(separator: "\n")
    }

    @Test func aStartFromEachCheckpointSeesWhatAWholeReplaySees() throws {
        let model = try Self.model()
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (live, checkpoints) = try Self.writeJournal(in: directory, model: model, seed: 11)
        let (whole, _) = try { () throws -> (ScoreLedger, Bool) in
            try? FileManager.default.removeItem(atPath: LedgerCheckpoint.path(in: directory))
            return try Self.start(directory: directory, model: model)
        }()
        #expect(Self.observable(whole) == Self.observable(live))
        #expect(checkpoints.count >= 8)
        for bytes in checkpoints {
            #expect(LedgerCheckpoint.write(bytes, directory: directory) == nil)
            let (resumed, used) = try Self.start(directory: directory, model: model)
            #expect(used)
            #expect(Self.observable(resumed) == Self.observable(whole))
        }
    }

    @Test func everyTornOrFlippedCheckpointIsRefusedAndTheReplayIsUnchanged() throws {
        let model = try Self.model()
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (live, checkpoints) = try Self.writeJournal(in: directory, model: model, seed: 12)
        let expected = Self.observable(live)
        let bytes = checkpoints[2]
        var refused = 0
        for length in 0..<bytes.count {
            if case .failure = LedgerCheckpoint.decode(Array(bytes[0..<length]), model: model) { refused += 1 }
        }
        #expect(refused == bytes.count, "every torn checkpoint must be refused")
        var flippedRefused = 0
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 1 << UInt8(position % 8)
            if case .failure = LedgerCheckpoint.decode(damaged, model: model) { flippedRefused += 1 }
        }
        #expect(flippedRefused == bytes.count, "every flipped bit must be refused")
        // And through the start path, with the damaged file on disk, at a sample of places.
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            var damaged = bytes
            damaged[position] ^= 0x20
            #expect(LedgerCheckpoint.write(damaged, directory: directory) == nil)
            let (ledger, used) = try Self.start(directory: directory, model: model)
            #expect(!used)
            #expect(Self.observable(ledger) == expected)
            #expect(LedgerCheckpoint.write(Array(bytes[0..<position]), directory: directory) == nil)
            #expect(Self.observable(try Self.start(directory: directory, model: model).ledger) == expected)
        }
    }

    /// A start maps the checkpoint's events rather than reading them: after the read, next to none
    /// of the mapping is resident; a walk over every event brings it in, and the pages go again when
    /// the daemon hands them back (as it does after writing the next checkpoint from them).
    @Test func theSealedEventsAreMappedNotRead() throws {
        let model = try Self.model()
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (file, scan) = try JournalFile.open(directory: directory)
        var ledger = ScoreLedger(scan: scan, model: model)
        let actions = ["comment", "like", "connect", "post", "message"]
        for batch in 0..<40 {
            let entries = (0..<1_000).map { index -> JournalEntry in
                let seq = ledger.lastSeq + UInt64(index) + 1
                return .action(
                    ActionEvent(
                        id: Self.hexID(seq), seq: seq, action: actions[index % 5],
                        occurred: Self.now - Int64(40 - batch) * 86_400 + Int64(index), recorded: Self.now, count: 1))
            }
            try file.append(entries.map(JournalRecord.encode))
            _ = ledger.commit(entries, at: Self.now, journalLength: file.length)
        }
        let bytes = LedgerCheckpoint.encode(
            ledger, anchor: try file.anchor(at: ledger.end), fingerprint: model.inputsFingerprint)
        #expect(LedgerCheckpoint.write(bytes, directory: directory) == nil)
        let path = LedgerCheckpoint.path(in: directory)

        let read = try LedgerCheckpoint.read(directory: directory, model: model).get()
        let mapped = try #require(Self.mapping(of: path))
        #expect(mapped.size >= 40_000 * 24 / 1024, "the events' section is mapped")
        #expect(mapped.resident * 8 < mapped.size, "resident \(mapped.resident) kB of \(mapped.size) kB after the read")
        let events = read.ledger.state.events
        // A lookup reads a page or two, not what the page cache holds around them (the checksum's
        // pass left the file there in large folios, which a fault would map whole).
        for seq: UInt64 in [777, 9_001, 17_003, 29_011, 38_999] { #expect(events[Self.hexID(seq)]?.seq == seq) }
        let looked = try #require(Self.mapping(of: path))
        #expect(
            looked.resident * 8 < mapped.size, "resident \(looked.resident) kB of \(mapped.size) kB after 5 lookups")
        #expect(events.count == 40_000)
        #expect(Array(events.values).count == 40_000)
        #expect(try #require(Self.mapping(of: path)).resident * 2 > mapped.size, "a walk reads it all")
        events.dropResidentPages()
        #expect(try #require(Self.mapping(of: path)).resident * 8 < mapped.size, "handed back")
        // An import's first check walks every event to index the typed ones, and hands them back.
        var importing = read.ledger
        #expect(importing.claimTyped("comment", near: Self.now, within: 60, for: "row", at: Self.now) == nil)
        #expect(try #require(Self.mapping(of: path)).resident * 8 < mapped.size, "handed back after an import's check")
        #expect(Self.observable(read.ledger) == Self.observable(ledger))
    }

    /// An id as ssi-logd makes them (16 hex digits), scattered over the id space.
    static func hexID(_ seq: UInt64) -> String {
        let digits = String(seq &* (0x9E37_79B9_7F4A_7C15 as UInt64), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The size and the resident part, in kB, of this process's mapping of `path`.
    static func mapping(of path: String) -> (size: Int, resident: Int)? {
        // Read with `cat`: a file in /proc says it is empty, and a reader that believes its size reads nothing.
        guard let smaps = try? Tool.run("/bin/cat", ["/proc/\(getpid())/smaps"]).stdout else { return nil }
        var inside = false
        var size: Int?
        for line in smaps.split(separator: "\n") {
            if line.contains(" /") || line.hasSuffix("]") || line.split(separator: " ").count == 5 {
                if inside, let size { return (size, 0) }
                inside = line.hasSuffix(" " + path)
                continue
            }
            guard inside else { continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "Size:" { size = Int(fields[1]) }
            if fields.first == "Rss:", let size { return (size, Int(fields[1]) ?? 0) }
        }
        return nil
    }

    @Test func aCheckpointOfAnotherModelOrAnotherJournalIsNotUsed() throws {
        let model = try Self.model()
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (_, checkpoints) = try Self.writeJournal(in: directory, model: model, seed: 13)
        let bytes = checkpoints.last!
        // Other weights: the aggregates would be wrong, so the checkpoint is refused.
        let heavier = try Self.model("[actions.comment]\npoints = 9\n")
        #expect(heavier.inputsFingerprint != model.inputsFingerprint)
        #expect(LedgerCheckpoint.decode(bytes, model: heavier).failureValue == .otherModel)
        // Another zone puts events on other days.
        let tokyo = try ConfigurationLoader.load(userText: "[score]\ntimezone = \"Asia/Tokyo\"\n", userFile: "t").model
        #expect(LedgerCheckpoint.decode(bytes, model: tokyo).failureValue == .otherModel)
        // Decay is applied when asked: a new half-life keeps the checkpoint.
        let slower = try Self.model("half_life_days = 40\n")
        #expect(LedgerCheckpoint.decode(bytes, model: slower).failureValue == nil)
        // A journal cut back before the checkpoint's position (a restored backup) is not resumed.
        #expect(LedgerCheckpoint.write(bytes, directory: directory) == nil)
        let journal = directory + "/" + JournalFile.fileName
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        try (lines.dropLast(10).joined(separator: "\n") + "\n").write(
            toFile: journal, atomically: true, encoding: .utf8)
        let (cut, used) = try Self.start(directory: directory, model: model)
        #expect(!used)
        try? FileManager.default.removeItem(atPath: LedgerCheckpoint.path(in: directory))
        #expect(Self.observable(cut) == Self.observable(try Self.start(directory: directory, model: model).ledger))
        // A record rewritten before the position (same length, other bytes) is noticed too.
        #expect(LedgerCheckpoint.write(checkpoints[0], directory: directory) == nil)
        var text = try String(contentsOfFile: journal, encoding: .utf8)
        let anchorOffset = LedgerCheckpoint.decode(checkpoints[0], model: model).successValue!.anchor.position.offset
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: anchorOffset - 30)
        text.replaceSubrange(index...index, with: text[index] == "1" ? "2" : "1")
        try text.write(toFile: journal, atomically: true, encoding: .utf8)
        #expect(try !Self.start(directory: directory, model: model).resumed)
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    var successValue: Success? { try? get() }
}
