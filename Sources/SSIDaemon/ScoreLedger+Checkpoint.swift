import SSIDomain
import SSIJournal

extension ScoreLedger {
    /// Everything but the journal position (the checkpoint's header holds it) and the claims of
    /// typed events, which live in memory by design.
    func encode(into writer: inout BinaryWriter) {
        state.encode(into: &writer)
        index.encode(into: &writer)
        writer.write(records)
        writer.write(lastSeq)
        writer.write(lastRecorded)
        writer.write(each: typed) { writer, item in
            writer.write(item.key)
            writer.write(each: item.value) {
                $0.write($1.occurred)
                $0.write($1.seq)
            }
        }
    }

    init(decoding reader: inout BinaryReader, model: ScoreModel, end: JournalPosition) throws(BinaryReader.Malformed) {
        let state = try ScoreState(decoding: &reader, model: model)
        let index = try CommitIndex(decoding: &reader)
        let records = try reader.readInt()
        let lastSeq = try reader.readUInt64()
        let lastRecorded = try reader.readOptionalInt64()
        var typed: [String: [(occurred: Int64, seq: UInt64)]] = [:]
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let action = try reader.readString()
            var list: [(occurred: Int64, seq: UInt64)] = []
            try reader.readEach(reserving: { list.reserveCapacity($0) }) {
                (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
                list.append((try reader.readInt64(), try reader.readUInt64()))
            }
            guard zip(list, list.dropFirst()).allSatisfy({ $0.occurred <= $1.occurred }) else {
                throw BinaryReader.Malformed("typed events of \(action) out of order")
            }
            typed[action] = list
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed("bytes left after the ledger") }
        self.init(
            state: state, index: index, records: records, lastSeq: lastSeq, lastRecorded: lastRecorded, end: end,
            typed: typed)
    }
}
