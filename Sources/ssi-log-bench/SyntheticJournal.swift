import Foundation
import SSIDomain
import SSIJournal
import SSIJournalSimulation
import SSISystem

/// A journal as years of use would leave it, from a fixed seed: actions in working hours (typed,
/// with request ids, a note on one in three), an undo every 200 actions, a snapshot a week.
struct SyntheticJournal {
    var events: Int
    var days: Int
    var seed: UInt64
    /// Every event on the last day (the daily-cap path), instead of spread over `days`.
    var oneDay = false

    static let actions = [
        "like", "like", "like", "comment", "comment", "connect", "accepted", "message", "reply", "post",
        "profile-view", "search", "share", "follower",
    ]

    /// Writes `journal.jsonl` into `directory`; returns its size in bytes.
    @discardableResult
    func write(into directory: String, endingAt end: Int64) throws -> Int {
        var random = SeededGenerator(seed: seed)
        let firstDay = (end / 86_400) - Int64(days - 1)
        let handle = FileHandle(forWritingAtPath: try create(directory))!
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var times = (0..<events).map { _ -> Int64 in
            if oneDay { return end - Int64.random(in: 0..<28_800, using: &random) }
            let day = firstDay + Int64.random(in: 0..<Int64(days), using: &random)
            return day * 86_400 + 8 * 3_600 + Int64.random(in: 0..<43_200, using: &random)
        }
        times.sort()
        var seq: UInt64 = 0
        var written = 0
        var lastSnapshotWeek = Int64.min
        var recent: [String] = []
        func append(_ entry: JournalEntry) {
            buffer += JournalRecord.encode(entry)
            buffer.append(10)
            if buffer.count >= 1 << 20 { flush() }
        }
        func flush() {
            handle.write(Data(buffer))
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        func hex() -> String { Hex.fixedWidth(random.next() | 1, digits: 16) }
        for (index, time) in times.enumerated() {
            let occurred = min(time, end)
            seq += 1
            let action = Self.actions[Int(random.next() % UInt64(Self.actions.count))]
            let event = ActionEvent(
                id: hex(), seq: seq, action: action, occurred: occurred, recorded: occurred,
                note: index % 3 == 0 ? "on a post about pricing, number \(index)" : nil, requestID: hex())
            append(.action(event))
            recent.append(event.id)
            if recent.count > 8 { recent.removeFirst() }
            if index % 200 == 199, let target = recent.popLast() {
                seq += 1
                append(.undo(UndoEvent(id: hex(), seq: seq, target: target, recorded: occurred, requestID: hex())))
            }
            let week = occurred / (7 * 86_400)
            if !oneDay, week != lastSnapshotWeek, let values = try? Self.snapshotValues(week: week) {
                lastSnapshotWeek = week
                seq += 1
                append(
                    .snapshot(
                        SnapshotEvent(id: hex(), seq: seq, occurred: occurred, recorded: occurred, values: values)))
            }
        }
        flush()
        return written
    }

    private func create(_ directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + JournalFile.fileName
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    static func snapshotValues(week: Int64) throws(SnapshotValues.Invalid) -> SnapshotValues {
        let base = 10_000 + Int(week % 7) * 1_000
        let pillars = Dictionary(uniqueKeysWithValues: Pillar.allCases.map { ($0, base) })
        return try SnapshotValues(total: Int((Double(base * 4) / 1000).rounded()), pillarThousandths: pillars)
    }
}
