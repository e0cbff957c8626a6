/// The action events that still count, in sequence order: a dense array of events and an index
/// from id to place. An undone event leaves a hole, closed once holes outnumber events.
///
/// A table keyed by id kept each event in a bucket of a hash table at most three quarters full and
/// doubled in steps: 2.6 buckets per event at 100,000 events, each the size of an event. Here the
/// events are packed and only the index (an id and a 32-bit place) is sparse.
public struct CountedEvents: Sendable {
    /// Events in sequence order; nil where one was undone. The last, when any, is never nil.
    private var slots: [ActionEvent?] = []
    private var places = EventPlaces()
    /// The newest event's seq, kept beside it: comparing with it must not copy the event.
    private var newestSeq: UInt64?

    public init() {}

    /// How many events count.
    public var count: Int { places.count }

    /// The event with this id, if it counts.
    public subscript(id: String) -> ActionEvent? {
        places[id].map { slots[Int($0)]! }
    }

    /// Every event that counts, in sequence order. A plain sequence: what is built from it (`map`,
    /// `filter`) is built once, never walked again per index.
    public var values: some Sequence<ActionEvent> {
        slots.lazy.compactMap { $0 }
    }

    /// The event with this seq, if it counts: a binary search over the events in sequence order.
    public subscript(seq seq: UInt64) -> ActionEvent? {
        var low = 0
        var high = slots.count
        while low < high {
            let middle = (low + high) / 2
            // The first event at or after the middle: holes have no seq to compare.
            var probe = middle
            while probe < high, slots[probe] == nil { probe += 1 }
            guard probe < high, let event = slots[probe] else {
                high = middle
                continue
            }
            if event.seq == seq { return event }
            if event.seq < seq { low = probe + 1 } else { high = middle }
        }
        return nil
    }

    /// The newest event that counts.
    public var latest: ActionEvent? { slots.last ?? nil }

    /// The newest event that counts and is not in `excluded`, walking back from the newest.
    public func latest(excluding excluded: Set<String>) -> ActionEvent? {
        for slot in slots.reversed() {
            if let event = slot, !excluded.contains(event.id) { return event }
        }
        return nil
    }

    /// Places in use, holes included: what the holes cost.
    var slotCount: Int { slots.count }

    mutating func reserveCapacity(_ capacity: Int) {
        slots.reserveCapacity(capacity)
        places.reserveCapacity(capacity)
    }

    /// Adds an event in its sequence place; false (and nothing changes) when its id is already here.
    /// Journals are replayed and committed in sequence order, so an event almost always goes last;
    /// an older one shifts the events after it, and their places are written again.
    mutating func insert(_ event: ActionEvent) -> Bool {
        if newestSeq.map({ $0 < event.seq }) ?? true {
            // The newest: one hash of its id, which also finds a repeated one.
            if let existing = places.updateValue(UInt32(slots.count), forKey: event.id) {
                _ = places.updateValue(existing, forKey: event.id)
                return false
            }
            slots.append(event)
            newestSeq = event.seq
            return true
        }
        guard places[event.id] == nil else { return false }
        var place = slots.count
        while place > 0 {
            if let earlier = slots[place - 1], earlier.seq < event.seq { break }
            place -= 1
        }
        slots.insert(event, at: place)
        for index in place..<slots.count {
            if let id = slots[index]?.id { _ = places.updateValue(UInt32(index), forKey: id) }
        }
        return true
    }

    /// Removes the event with this id and returns it; nil when it does not count.
    mutating func remove(id: String) -> ActionEvent? {
        guard let place = places.removeValue(forKey: id) else { return nil }
        let event = slots[Int(place)]
        slots[Int(place)] = nil
        if Int(place) == slots.count - 1 {
            while let last = slots.last, last == nil { slots.removeLast() }
            newestSeq = slots.last??.seq
        }
        if slots.count > 2 * places.count + 1_024 { closeHoles() }
        return event
    }

    private mutating func closeHoles() {
        slots = slots.compactMap { $0 }.map(Optional.some)
        for (index, event) in slots.enumerated() { _ = places.updateValue(UInt32(index), forKey: event!.id) }
    }
}
