import SSIDomain

extension CommitIndex {
    func encode(into writer: inout BinaryWriter) {
        writer.write(newestRecorded)
        writer.write(each: requests) {
            $0.write($1.key.text)
            $0.write($1.value.entryID.text)
            $0.write($1.value.recorded)
        }
        writer.write(each: undoneEvents.values) { $0.write($1) }
        writer.write(each: undoneSnapshots.values) { $0.write($1) }
        writer.write(each: snapshots.values) { $0.write($1) }
        writer.write(each: undos.values) { $0.write($1) }
        writer.write(each: pauses.values) { $0.write($1) }
    }

    init(decoding reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init()
        newestRecorded = try reader.readInt64()
        let count = try reader.readCount()
        requests.reserveCapacity(count)
        for _ in 0..<count {
            requests[CompactID(try reader.readString())] = Committed(
                entryID: CompactID(try reader.readString()), recorded: try reader.readInt64())
        }
        undoneEvents = try reader.readTable(keyedBy: \.id) {
            (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readActionEvent()
        }
        undoneSnapshots = try reader.readTable(keyedBy: \.id) {
            (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readSnapshotEvent()
        }
        snapshots = try reader.readTable(keyedBy: \.id) { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readSnapshotEvent()
        }
        undos = try reader.readTable(keyedBy: \.id) { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readUndoEvent()
        }
        pauses = try reader.readTable(keyedBy: \.id) { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            try reader.readPauseEvent()
        }
    }
}
