import SSIDomain

/// What an undo took away, for its answer: an action event or a LinkedIn snapshot.
struct UndoneTarget: Sendable, Equatable {
    var id: String
    /// The action's name, or `snapshot`.
    var action: String
    var occurred: Int64

    init(_ event: ActionEvent) {
        (id, action, occurred) = (event.id, event.action, event.occurred)
    }

    init(_ snapshot: SnapshotEvent) {
        (id, action, occurred) = (snapshot.id, "snapshot", snapshot.occurred)
    }
}
