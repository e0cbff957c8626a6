extension BinaryReader {
    public mutating func readActionEvent() throws(Malformed) -> ActionEvent {
        ActionEvent(
            id: try readString(), seq: try readUInt64(), action: try readString(), occurred: try readInt64(),
            recorded: try readInt64(), count: try readInt(), tags: try readStrings(), section: try readOptionalString(),
            note: try readOptionalString(), url: try readOptionalString(), requestID: try readOptionalString(),
            source: try readOptionalString())
    }

    public mutating func readSnapshotEvent() throws(Malformed) -> SnapshotEvent {
        let id = try readString()
        let seq = try readUInt64()
        let occurred = try readInt64()
        let recorded = try readInt64()
        let total = try readInt()
        var pillars: [Pillar: Int] = [:]
        for pillar in Pillar.allCases { pillars[pillar] = try readInt() }
        let industry = try readOptionalInt64().map(Int.init)
        let network = try readOptionalInt64().map(Int.init)
        let values: SnapshotValues
        do {
            values = try SnapshotValues(
                total: total, pillarThousandths: pillars, industryRank: industry, networkRank: network)
        } catch {
            throw Malformed("snapshot \(id): \(error.description)")
        }
        return SnapshotEvent(
            id: id, seq: seq, occurred: occurred, recorded: recorded, values: values,
            requestID: try readOptionalString())
    }

    public mutating func readUndoEvent() throws(Malformed) -> UndoEvent {
        UndoEvent(
            id: try readString(), seq: try readUInt64(), target: try readString(), recorded: try readInt64(),
            requestID: try readOptionalString())
    }

    public mutating func readPauseEvent() throws(Malformed) -> PauseEvent {
        PauseEvent(
            id: try readString(), seq: try readUInt64(), until: try readOptionalInt64(), recorded: try readInt64(),
            requestID: try readOptionalString())
    }
}
