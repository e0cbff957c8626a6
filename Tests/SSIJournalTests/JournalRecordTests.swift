import SSIDomain
import SSIJournal
import Testing

@Suite struct JournalRecordTests {
    static let event = ActionEvent(
        id: "0123456789abcdef", seq: 7, action: "comment", occurred: 1_764_400_000, recorded: 1_764_400_100,
        count: 2, tags: ["decision-maker"], note: "on Ana's \"pricing\" post\nline two", url: "https://example.com/p",
        requestID: "r1")

    @Test func crc32cCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test func recordsRoundTrip() throws {
        let line = JournalRecord.encode(.action(Self.event))
        #expect(!line.contains(UInt8(ascii: "\n")))
        #expect(try JournalRecord.decode(line) == .action(Self.event))
        let undo = JournalEntry.undo(UndoEvent(id: "u1", seq: 8, target: "0123456789abcdef", recorded: 1_764_400_200))
        #expect(try JournalRecord.decode(JournalRecord.encode(undo)) == undo)
    }

    @Test func everySingleByteChangeIsDetected() {
        let line = JournalRecord.encode(.action(Self.event))
        var tried = 0
        for index in line.indices {
            for mask: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
                var damaged = line
                damaged[index] ^= mask
                #expect(throws: JournalDamage.Reason.self) { try JournalRecord.decode(damaged) }
                tried += 1
            }
        }
        print("journal record: \(tried) single-byte corruptions tried, all detected")
    }
}
