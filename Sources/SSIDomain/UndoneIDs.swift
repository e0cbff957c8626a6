/// Which undo took away each undone event or snapshot, by the target's id: kept for the whole
/// history (an undone id is never counted again, and a second undo of it is refused), so both ids
/// are kept as `CompactID`s, without memory of their own when they are hex.
public struct UndoneIDs: Sendable {
    private var undoByTarget: [CompactID: CompactID] = [:]

    public init() {}

    public var count: Int { undoByTarget.count }

    /// The id of the undo that took `target` away.
    public subscript(target: String) -> String? {
        get { undoByTarget[CompactID(target)]?.text }
        set { undoByTarget[CompactID(target)] = newValue.map(CompactID.init) }
    }

    /// Every target and its undo, as text, by target (the same state always gives the same list).
    public var pairs: [(target: String, undo: String)] {
        undoByTarget.map { ($0.key.text, $0.value.text) }.sorted { $0.target < $1.target }
    }
}
