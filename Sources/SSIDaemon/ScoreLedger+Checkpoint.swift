import SSIDomain
import SSIJournal

extension ScoreLedger {
    /// Everything but the journal position (the checkpoint's header holds it) and the index of
    /// typed events with its claims, which an import builds in memory when it needs them.
    /// Returns the events' section, which the checkpoint keeps after the rest (`SealedEvents`).
    func encode(into writer: inout BinaryWriter) -> SealedEvents.Section {
        let section = state.encode(into: &writer)
        index.encode(into: &writer)
        writer.write(records)
        writer.write(lastSeq)
        writer.write(lastRecorded)
        return section
    }

    init(decoding reader: inout BinaryReader, model: ScoreModel, end: JournalPosition, sealed: SealedEvents)
        throws(BinaryReader.Malformed)
    {
        let state = try ScoreState(decoding: &reader, model: model, sealed: sealed)
        let index = try CommitIndex(decoding: &reader)
        let records = try reader.readInt()
        let lastSeq = try reader.readUInt64()
        let lastRecorded = try reader.readOptionalInt64()
        guard reader.isAtEnd else { throw BinaryReader.Malformed("bytes left after the ledger") }
        self.init(
            state: state, index: index, records: records, lastSeq: lastSeq, lastRecorded: lastRecorded, end: end)
    }
}
