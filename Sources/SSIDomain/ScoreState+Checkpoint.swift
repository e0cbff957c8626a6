extension ScoreState {
    /// The state as bytes, for the daemon's checkpoint; the model is not included: the reader
    /// supplies it, and the checkpoint records the model's `inputsFingerprint` to check it is the same.
    public func encode(into writer: inout BinaryWriter) {
        inputs.encode(into: &writer)
        // In sequence order, so that reading them back rebuilds the order of events as it goes.
        writer.write(count: events.count, each: events.values) { $0.write($1) }
        writer.write(each: undone) {
            $0.write($1.key)
            $0.write($1.value)
        }
        writer.write(each: undoneCounts) {
            $0.write($1.key)
            $0.write($1.value)
        }
        writer.write(each: snapshots.values) { $0.write($1) }
        writer.write(pausedUntil)
    }

    /// A state read back from `encode(into:)` under the model it was computed with.
    public init(decoding reader: inout BinaryReader, model: ScoreModel) throws(BinaryReader.Malformed) {
        self.init(model: model)
        inputs = try ScoreInputs(decoding: &reader)
        // Sized at once: growing a table of a million events rehashes it twenty times.
        try reader.readEach(reserving: { events.reserveCapacity($0) }) {
            (reader: inout BinaryReader) throws(BinaryReader.Malformed) in try events.appendDecoded(from: &reader)
        }
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
