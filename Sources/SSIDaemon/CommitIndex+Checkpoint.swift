import SSIDomain

extension CommitIndex {
    func encode(into writer: inout BinaryWriter) {
        writer.write(requests.count)
        for (request, id) in requests {
            writer.write(request)
            writer.write(id)
        }
        writer.write(undoneEvents.count)
        for event in undoneEvents.values { writer.write(event) }
        writer.write(undoneSnapshots.count)
        for snapshot in undoneSnapshots.values { writer.write(snapshot) }
        writer.write(snapshots.count)
        for snapshot in snapshots.values { writer.write(snapshot) }
        writer.write(undos.count)
        for undo in undos.values { writer.write(undo) }
        writer.write(pauses.count)
        for pause in pauses.values { writer.write(pause) }
    }

    init(decoding reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init()
        let requestCount = try reader.readCount()
        requests.reserveCapacity(requestCount)
        for _ in 0..<requestCount { requests[try reader.readString()] = try reader.readString() }
        for _ in 0..<(try reader.readCount()) {
            let event = try reader.readActionEvent()
            undoneEvents[event.id] = event
        }
        for _ in 0..<(try reader.readCount()) {
            let snapshot = try reader.readSnapshotEvent()
            undoneSnapshots[snapshot.id] = snapshot
        }
        for _ in 0..<(try reader.readCount()) {
            let snapshot = try reader.readSnapshotEvent()
            snapshots[snapshot.id] = snapshot
        }
        for _ in 0..<(try reader.readCount()) {
            let undo = try reader.readUndoEvent()
            undos[undo.id] = undo
        }
        for _ in 0..<(try reader.readCount()) {
            let pause = try reader.readPauseEvent()
            pauses[pause.id] = pause
        }
    }
}
