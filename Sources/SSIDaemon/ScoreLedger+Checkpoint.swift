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
        // A typed event is written as its place among the events just written, so that reading it
        // back shares that event's id instead of decoding a copy of it (one allocation per event);
        // typed events undone since are left out: they can never be claimed again.
        var place: [String: Int] = [:]
        place.reserveCapacity(state.events.count)
        for event in state.events.values { place[event.id] = place.count }
        writer.write(each: typed) { writer, item in
            writer.write(item.key)
            let counting = item.value.compactMap { typed in place[typed.id].map { (typed.occurred, $0) } }
            writer.write(each: counting) {
                $0.write($1.0)
                $0.write($1.1)
            }
        }
    }

    init(decoding reader: inout BinaryReader, model: ScoreModel, end: JournalPosition) throws(BinaryReader.Malformed) {
        let state = try ScoreState(decoding: &reader, model: model)
        let index = try CommitIndex(decoding: &reader)
        let records = try reader.readInt()
        let lastSeq = try reader.readUInt64()
        let lastRecorded = try reader.readOptionalInt64()
        var typed: [String: [(occurred: Int64, id: String)]] = [:]
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let action = try reader.readString()
            var list: [(occurred: Int64, id: String)] = []
            try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
                let occurred = try reader.readInt64()
                let place = try reader.readInt()
                guard let id = state.events.id(at: place) else {
                    throw BinaryReader.Malformed("typed event \(place) unknown")
                }
                list.append((occurred, id))
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
