import SSIProtocol

/// What an export holds for the score: the actions to log, and what was left out and why.
public struct ImportPlan: Sendable {
    public internal(set) var actions: [ImportedAction] = []
    /// LinkedIn snapshots to record (from an `ssi-log export` file), with their request ids.
    public internal(set) var snapshots: [(request: SnapshotRequest, requestID: String)] = []
    /// The export's owner, from Profile.csv or the direction of invitations; nil when unknown.
    public internal(set) var owner: String?
    /// Files read, with the number of actions each gave.
    public internal(set) var files: [(name: String, actions: Int)] = []
    /// Rows left out, by reason (`draft message`, `incoming invitation`, `no date`…).
    public internal(set) var skipped: [String: Int] = [:]
    /// Files of the export that carry nothing the score uses.
    public internal(set) var ignoredFiles: [String] = []

    /// Actions per action name.
    public var counts: [String: Int] {
        actions.reduce(into: [:]) { $0[$1.request.action, default: 0] += 1 }
    }

    mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }
}
