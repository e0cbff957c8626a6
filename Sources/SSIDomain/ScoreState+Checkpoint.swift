extension ScoreState {
    /// The state as bytes, for the daemon's checkpoint; the model is not included: the reader
    /// supplies it, and the checkpoint records the model's `inputsFingerprint` to check it is the same.
    public func encode(into writer: inout BinaryWriter) {
        inputs.encode(into: &writer)
        writer.write(events.count)
        for event in events.values { writer.write(event) }
        writer.write(undone.count)
        for (target, undo) in undone {
            writer.write(target)
            writer.write(undo)
        }
        writer.write(undoneCounts.count)
        for (action, count) in undoneCounts {
            writer.write(action)
            writer.write(count)
        }
        writer.write(snapshots.count)
        for snapshot in snapshots.values { writer.write(snapshot) }
        writer.write(pausedUntil)
        writer.write(latestEventID)
    }

    /// A state read back from `encode(into:)` under the model it was computed with.
    public init(decoding reader: inout BinaryReader, model: ScoreModel) throws(BinaryReader.Malformed) {
        self.init(model: model)
        inputs = try ScoreInputs(decoding: &reader)
        let eventCount = try reader.readCount()
        events.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            let event = try reader.readActionEvent()
            events[event.id] = event
        }
        for _ in 0..<(try reader.readCount()) { undone[try reader.readString()] = try reader.readString() }
        for _ in 0..<(try reader.readCount()) { undoneCounts[try reader.readString()] = try reader.readInt() }
        for _ in 0..<(try reader.readCount()) {
            let snapshot = try reader.readSnapshotEvent()
            snapshots[snapshot.id] = snapshot
        }
        pausedUntil = try reader.readOptionalInt64()
        latestEventID = try reader.readOptionalString()
        if let latestEventID, events[latestEventID] == nil {
            throw BinaryReader.Malformed("the latest event \(latestEventID) is not among the events")
        }
    }
}
