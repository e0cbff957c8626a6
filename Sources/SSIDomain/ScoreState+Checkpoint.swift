extension ScoreState {
    /// The state as bytes, for the daemon's checkpoint, and its events as a section to be read in
    /// place (`SealedEvents`); the model is not included: the reader supplies it, and the checkpoint
    /// records the model's `inputsFingerprint` to check it is the same.
    public func encode(into writer: inout BinaryWriter) -> SealedEvents.Section {
        inputs.encode(into: &writer)
        events.encode(into: &writer)
        writer.write(each: undone.pairs) {
            $0.write($1.target)
            $0.write($1.undo)
        }
        writer.write(each: undoneCounts) {
            $0.write($1.key)
            $0.write($1.value)
        }
        writer.write(each: snapshots.values) { $0.write($1) }
        writer.write(pausedUntil)
        return events.sealedSection()
    }

    /// A state read back from `encode(into:)` under the model it was computed with, its events
    /// from the section it returned.
    public init(decoding reader: inout BinaryReader, model: ScoreModel, sealed: SealedEvents)
        throws(BinaryReader.Malformed)
    {
        self.init(model: model)
        inputs = try ScoreInputs(decoding: &reader)
        events = try CountedEvents(decoding: &reader, sealed: sealed)
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            undone[try reader.readString()] = try reader.readString()
        }
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            undoneCounts[try reader.readString()] = try reader.readInt()
        }
        snapshots = try reader.readTable(keyedBy: \.id) { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readSnapshotEvent()
        }
        pausedUntil = try reader.readOptionalInt64()
    }
}
