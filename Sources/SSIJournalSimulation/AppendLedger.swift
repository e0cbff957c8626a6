import SSIDomain
import SSIJournal

/// What a writer was told about every entry it tried to append, and the rules a journal read back
/// after any fault must keep.
public struct AppendLedger: Sendable {
    public private(set) var acknowledged: [JournalEntry] = []
    private var acknowledgedIDs: Set<String> = []
    private var refusedIDs: Set<String> = []
    private var uncertainIDs: Set<String> = []
    private var submitted: [String: JournalEntry] = [:]

    public init() {}

    public var uncertainCount: Int { uncertainIDs.count }
    public var refusedCount: Int { refusedIDs.count }

    /// The append returned: each entry is on disk.
    public mutating func acknowledge(_ entries: [JournalEntry]) {
        for entry in entries {
            acknowledged.append(entry)
            acknowledgedIDs.insert(entry.id)
            submitted[entry.id] = entry
        }
    }

    /// The append failed and said nothing was recorded: none may ever be read back.
    public mutating func refuse(_ entries: [JournalEntry]) {
        for entry in entries {
            refusedIDs.insert(entry.id)
            submitted[entry.id] = entry
        }
    }

    /// The sync failed or the power went during the append: each may or may not be there.
    public mutating func markUncertain(_ entries: [JournalEntry]) {
        for entry in entries {
            uncertainIDs.insert(entry.id)
            submitted[entry.id] = entry
        }
    }

    /// What is wrong with a journal read back: empty when every acknowledged entry is there once,
    /// in order and unchanged, and nothing refused, altered or unknown came back.
    public func problems(in scan: JournalScan) -> [String] {
        var problems: [String] = []
        var seen: Set<String> = []
        for entry in scan.entries {
            if !seen.insert(entry.id).inserted { problems.append("entry \(entry.id) read back twice") }
            if refusedIDs.contains(entry.id) { problems.append("refused entry \(entry.id) came back") }
            if submitted[entry.id] != entry { problems.append("entry \(entry.id) altered or never written") }
        }
        let acknowledgedRead = scan.entries.filter { acknowledgedIDs.contains($0.id) }.map(\.id)
        if acknowledgedRead != acknowledged.map(\.id) {
            let missing = acknowledged.map(\.id).filter { !seen.contains($0) }
            problems.append(
                "acknowledged entries lost or out of order: \(missing.count) missing (\(missing.prefix(3)))")
        }
        return problems
    }
}
