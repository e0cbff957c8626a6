/// Each action's decayed activity points at one instant, kept between scores taken at that same
/// instant: a batch of entries needs a score before and after each, and an entry changes the
/// points of its own action only, so the other actions' series (thousands of slots each after a
/// few years) are walked once per batch instead of twice per entry.
public struct DecayedActivity: Sendable {
    public let now: Int64
    var points: [String: Double] = [:]

    public init(at now: Int64) { self.now = now }

    /// After an entry that changed what `action` earns.
    public mutating func forget(_ action: String) { points[action] = nil }

    /// After an entry whose effect is not known by action (an undo).
    public mutating func forgetAll() { points.removeAll(keepingCapacity: true) }
}
