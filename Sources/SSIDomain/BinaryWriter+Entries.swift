extension BinaryWriter {
    /// An action as the score keeps it (notes, links and request ids stay in the journal).
    public mutating func write(_ event: ActionEvent) {
        write(event.id)
        write(event.seq)
        write(event.action)
        write(event.occurred)
        write(event.recorded)
        write(event.count)
        write(event.tags)
        write(event.section)
        write(event.note)
        write(event.url)
        write(event.requestID)
        write(event.source)
    }

    public mutating func write(_ snapshot: SnapshotEvent) {
        write(snapshot.id)
        write(snapshot.seq)
        write(snapshot.occurred)
        write(snapshot.recorded)
        write(snapshot.values.total)
        for pillar in Pillar.allCases { write(snapshot.values.pillarThousandths[pillar] ?? 0) }
        write(snapshot.values.industryRank.map(Int64.init))
        write(snapshot.values.networkRank.map(Int64.init))
        write(snapshot.requestID)
    }

    public mutating func write(_ undo: UndoEvent) {
        write(undo.id)
        write(undo.seq)
        write(undo.target)
        write(undo.recorded)
        write(undo.requestID)
    }

    public mutating func write(_ pause: PauseEvent) {
        write(pause.id)
        write(pause.seq)
        write(pause.until)
        write(pause.recorded)
        write(pause.requestID)
    }
}
