import Foundation
import SSIDomain
import SSIJournal
import Testing

/// Damage a journal every way we can think of; replay must return only records that are exactly
/// as written, and report the rest.
@Suite struct JournalFaultTests {
    static let entries: [JournalEntry] = (1...8).map { index in
        if index == 6 {
            return .undo(UndoEvent(id: "u6", seq: 6, target: "e2", recorded: 1_764_400_000 + 6))
        }
        return .action(
            ActionEvent(
                id: "e\(index)", seq: UInt64(index), action: ["comment", "like", "connect"][index % 3],
                occurred: 1_764_400_000 + Int64(index), recorded: 1_764_400_000 + Int64(index), count: index,
                tags: index % 2 == 0 ? ["decision-maker"] : [], note: index == 3 ? "a \"quoted\"\nnote" : nil))
    }

    static let lines: [[UInt8]] = entries.map(JournalRecord.encode)
    static let bytes: [UInt8] = lines.flatMap { $0 + [UInt8(ascii: "\n")] }

    /// Byte offset where each record ends (after its newline).
    static let boundaries: [Int] = lines.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count + 1) }

    @Test func cuttingAtEveryOffsetKeepsExactlyTheCompleteRecords() throws {
        for cut in 0...Self.bytes.count {
            let scan = JournalScan.scan(Array(Self.bytes[0..<cut]))
            let complete = Self.boundaries.filter { $0 <= cut }.count
            #expect(scan.entries == Array(Self.entries.prefix(complete)), "cut at \(cut)")
            #expect(scan.damaged.isEmpty)
            #expect((scan.tornTail != nil) == (cut != (complete == 0 ? 0 : Self.boundaries[complete - 1])))
        }
        print("journal cut: \(Self.bytes.count + 1) offsets tried")
    }

    @Test func repairAfterACutThenAppendsCleanly() throws {
        var tried = 0
        for cut in 0...Self.bytes.count {
            let directory = try TemporaryDirectory()
            try Data(Self.bytes[0..<cut]).write(to: URL(fileURLWithPath: directory.path + "/journal.jsonl"))
            let (file, scan) = try JournalFile.open(directory: directory.path)
            let next = JournalEntry.action(
                ActionEvent(id: "new", seq: scan.nextSeq, action: "share", occurred: 1, recorded: 1))
            try file.append([JournalRecord.encode(next)])
            let reread = try JournalVerification.scanFile(directory.path + "/journal.jsonl")
            #expect(reread.isIntact, "cut at \(cut)")
            #expect(reread.entries == scan.entries + [next])
            tried += 1
        }
        print("journal repair: \(tried) cut files repaired and appended to")
    }

    @Test func flippingAnyByteNeverYieldsAnAlteredRecord() {
        var tried = 0
        for index in Self.bytes.indices {
            for mask: UInt8 in [0x01, 0x02, 0x10, 0x20, 0x40, 0x80, 0xFF] {
                var damaged = Self.bytes
                damaged[index] ^= mask
                let scan = JournalScan.scan(damaged)
                for entry in scan.entries { #expect(Self.entries.contains(entry), "byte \(index) mask \(mask)") }
                #expect(
                    scan.entries.count < Self.entries.count, "byte \(index) mask \(mask) went unnoticed")
                #expect(!scan.isIntact)
                tried += 1
            }
        }
        print("journal flips: \(tried) single-byte corruptions tried, none returned an altered record")
    }

    @Test func swappedLinesAreReported() {
        var lines = Self.lines
        lines.swapAt(2, 3)
        let scan = JournalScan.scan(lines.flatMap { $0 + [10] })
        #expect(scan.damaged.count == 1)
        #expect(scan.damaged.first?.line == 4)
        #expect(scan.entries.allSatisfy { Self.entries.contains($0) })
    }

    @Test func aDuplicatedLineIsReported() {
        var lines = Self.lines
        lines.insert(lines[4], at: 5)
        let scan = JournalScan.scan(lines.flatMap { $0 + [10] })
        #expect(scan.damaged.count == 1)
        #expect(scan.entries == Self.entries)
    }

    @Test func fourKiBOfZerosAreReportedAndTheRestKept() {
        let zeros = [UInt8](repeating: 0, count: 4096)
        let bytes = Array(Self.bytes[0..<Self.boundaries[3]]) + zeros + [10] + Array(Self.bytes[Self.boundaries[4]...])
        let scan = JournalScan.scan(bytes)
        #expect(scan.damaged.count == 1)
        #expect(scan.entries == Self.entries.enumerated().filter { $0.offset != 4 }.map(\.element))
        #expect(scan.gaps.isEmpty)
        // Zeros in place of the whole tail (a file system that lost the data but kept the size).
        let tail = JournalScan.scan(Array(Self.bytes[0..<Self.boundaries[5]]) + zeros)
        #expect(tail.tornTail != nil)
        #expect(tail.entries == Array(Self.entries.prefix(6)))
    }

    /// A lost write whose size reached the disk reads as NULs up to where the next record begins:
    /// that record is kept, the hole reported.
    @Test func aRecordRightAfterAHoleOfZerosIsKept() {
        let hole = [UInt8](repeating: 0, count: Self.lines[3].count + 1)
        let bytes = Array(Self.bytes[0..<Self.boundaries[2]]) + hole + Array(Self.bytes[Self.boundaries[3]...])
        let scan = JournalScan.scan(bytes)
        #expect(scan.entries == Self.entries.enumerated().filter { $0.offset != 3 }.map(\.element))
        #expect(scan.damaged.map(\.reason) == [.hole(bytes: hole.count)])
        #expect(scan.gaps.isEmpty)
        // A hole ending inside a record: that record is reported, the ones after it kept.
        var torn = Self.bytes
        torn.replaceSubrange(Self.boundaries[2]..<(Self.boundaries[2] + 40), with: [UInt8](repeating: 0, count: 40))
        let partial = JournalScan.scan(torn)
        #expect(partial.entries == Self.entries.enumerated().filter { $0.offset != 3 }.map(\.element))
        #expect(partial.damaged.count == 2)
    }

    @Test func aMissingRecordIsAGap() {
        var lines = Self.lines
        lines.remove(at: 3)
        let scan = JournalScan.scan(lines.flatMap { $0 + [10] })
        #expect(scan.gaps.count == 1)
        #expect(!scan.isIntact)
    }
}

/// A fresh directory under /tmp, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/ssijXXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
