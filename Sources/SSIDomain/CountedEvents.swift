/// The action events that still count, in sequence order: a dense array of compact events and an
/// index from id to place. An undone event leaves a hole, closed once holes outnumber events.
///
/// Every event that counts stays in memory, so each is kept as a `KeptEvent` (24 bytes, no string
/// of its own) rather than as an `ActionEvent` (72 bytes inline plus its id's 64-byte heap string):
/// an event is made again, id and all, only when one is asked for.
public struct CountedEvents: Sendable {
    /// Events in sequence order; holes where one was undone. The last, when any, is never a hole.
    private var slots: [KeptEvent] = []
    private var places = EventPlaces()
    /// Action names by their number in `KeptEvent.action`.
    private var actionNames: [String] = []
    private var actionNumbers: [String: UInt32] = [:]
    /// Ids that are not 16 lowercase hex digits, by seq.
    private var textIDs: [UInt64: String] = [:]
    /// Tags, section and source of the events that have any, by seq.
    private var details: [UInt64: ActionEvent.Details] = [:]
    /// What does not fit in a `KeptEvent`'s narrow fields, by seq (`KeptEvent.Flags.wide`).
    private var wide: [UInt64: Wide] = [:]

    private typealias Wide = (occurred: Int64, count: Int, action: UInt32)

    public init() {}

    /// How many events count.
    public var count: Int { places.count }

    /// The event with this id, if it counts.
    public subscript(id: String) -> ActionEvent? {
        place(of: id).map { event(at: Int($0)) }
    }

    private func place(of id: String) -> UInt32? {
        slots.withUnsafeBufferPointer { events in places.place(of: id) { events[Int($0)].idValue } }
    }

    /// Every event that counts, in sequence order. A plain sequence: what is built from it (`map`,
    /// `filter`) is built once, never walked again per index.
    public var values: some Sequence<ActionEvent> {
        slots.indices.lazy.filter { !slots[$0].flags.contains(.hole) }.map { event(at: $0) }
    }

    /// The event with this seq, if it counts: a binary search, holes keep their seq.
    public subscript(seq seq: UInt64) -> ActionEvent? {
        let low = firstPlace(atOrAfter: seq)
        guard low < slots.count, slots[low].seq == seq, !slots[low].flags.contains(.hole) else { return nil }
        return event(at: low)
    }

    /// The newest event that counts.
    public var latest: ActionEvent? { slots.isEmpty ? nil : event(at: slots.count - 1) }

    /// The newest event that counts and is not in `excluded`, walking back from the newest.
    public func latest(excluding excluded: Set<String>) -> ActionEvent? {
        for place in slots.indices.reversed() where !slots[place].flags.contains(.hole) {
            let id = id(of: slots[place])
            if !excluded.contains(id) { return event(at: place) }
        }
        return nil
    }

    /// Each typed event (no source) that counts, in sequence order, as its action, the time it
    /// happened and its seq: what an import's index of typed events needs, without an `ActionEvent`
    /// or an id's text made per event.
    public func forEachTyped(_ body: (String, Int64, UInt64) -> Void) {
        for kept in slots where !kept.flags.contains(.hole) {
            if kept.flags.contains(.details), details[kept.seq]?.source != nil { continue }
            let (occurred, _, action) = fields(of: kept)
            body(actionNames[Int(action)], occurred, kept.seq)
        }
    }

    /// The entries of a capped action's local day (`ScoreInputs.DayEntries`): its events that
    /// count with units, found among the seqs given.
    func capEntries(
        _ action: String, day: Int64, seqs: ClosedRange<UInt64>, calendar: LocalCalendar
    ) -> [ScoreInputs.CapEntry] {
        // Compared by number, not name: a backdated import can look through most of the events.
        guard let number = actionNumbers[action] else { return [] }
        var entries: [ScoreInputs.CapEntry] = []
        for kept in slots[firstPlace(atOrAfter: seqs.lowerBound)...] {
            guard kept.seq <= seqs.upperBound else { break }
            guard !kept.flags.contains(.hole), kept.flags.contains(.wide) || UInt32(kept.action) == number else {
                continue
            }
            let (occurred, count, action) = fields(of: kept)
            if action == number, count > 0, calendar.day(of: occurred) == day {
                entries.append(ScoreInputs.CapEntry(occurred: occurred, seq: kept.seq, units: count))
            }
        }
        return entries
    }

    /// The first place whose seq is at least `seq` (holes keep their seq).
    private func firstPlace(atOrAfter seq: UInt64) -> Int {
        var low = 0
        var high = slots.count
        while low < high {
            let middle = (low + high) / 2
            if slots[middle].seq < seq { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Places in use, holes included: what the holes cost.
    var slotCount: Int { slots.count }

    mutating func reserveCapacity(_ capacity: Int) {
        slots.reserveCapacity(capacity)
        changePlaces { $0.reserveCapacity(capacity, keyOf: $1) }
    }

    /// Adds an event in its sequence place; false (and nothing changes) when its id is already here.
    /// Journals are replayed and committed in sequence order, so an event almost always goes last;
    /// an older one shifts the events after it, and their places are written again.
    mutating func insert(_ event: ActionEvent) -> Bool {
        let hexValue = EventPlaces.hexValue(event.id)
        let textID = hexValue == nil ? event.id : nil
        let scored = event.keptForScoring
        let held = scored.hasDetails ? scored.details : nil
        let (kept, wide) = kept(
            seq: event.seq, action: event.action, occurred: event.occurred, count: event.count, hexValue: hexValue,
            details: held)
        if slots.last.map({ $0.seq < event.seq }) ?? true {
            return append(kept, textID: textID, details: held, wide: wide)
        }
        guard place(of: event.id) == nil else { return false }
        var place = slots.count
        while place > 0, slots[place - 1].seq >= event.seq { place -= 1 }
        slots.insert(kept, at: place)
        keepBeside(kept, textID: textID, details: held, wide: wide)
        placeAll()
        return true
    }

    /// Reads one event as `BinaryWriter.write(_: ActionEvent)` wrote it and adds it as the newest: a
    /// checkpoint's events, in sequence order, without an `ActionEvent` or a string made for a hex id.
    mutating func appendDecoded(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let (hexValue, textID) = try reader.readHexValueOrString()
        let seq = try reader.readUInt64()
        let action = try reader.readString()
        let occurred = try reader.readInt64()
        // The time recorded: the state keeps none (`ActionEvent.keptForScoring`).
        _ = try reader.readInt64()
        let count = try reader.readInt()
        let tags = try reader.readStrings()
        let section = try reader.readOptionalString()
        // The note, the link and the request id: a checkpoint holds none, and the state keeps none.
        for _ in 0..<3 { _ = try reader.readOptionalString() }
        let source = try reader.readOptionalString()
        // Most events have no details: none made, none compared.
        let details =
            tags.isEmpty && section == nil && source == nil
            ? nil : ActionEvent.Details(tags: tags, section: section, source: source)
        func refused(_ why: String) -> BinaryReader.Malformed {
            BinaryReader.Malformed("event \(textID ?? EventPlaces.hexText(hexValue ?? 0)) is \(why)")
        }
        guard (slots.last?.seq ?? 0) < seq else { throw refused("out of sequence order") }
        let (kept, wide) = kept(
            seq: seq, action: action, occurred: occurred, count: count, hexValue: hexValue, details: details)
        guard append(kept, textID: textID, details: details, wide: wide) else { throw refused("repeated") }
    }

    /// Adds the newest event; false (and nothing changes) when its id is already here.
    private mutating func append(
        _ kept: KeptEvent, textID: String?, details: ActionEvent.Details?, wide: Wide?
    ) -> Bool {
        let known =
            kept.flags.contains(.hexID)
            ? slots.withUnsafeBufferPointer { events in
                places.place(ofHexValue: kept.idValue) { events[Int($0)].idValue }
            } : places.place(ofText: textID!)
        guard known == nil else { return false }
        slots.append(kept)
        keepBeside(kept, textID: textID, details: details, wide: wide)
        setPlace(UInt32(slots.count - 1), of: kept, textID: textID)
        return true
    }

    /// Removes the event with this id and returns it; nil when it does not count.
    mutating func remove(id: String) -> ActionEvent? {
        let removed: UInt32? = changePlaces { $0.removeValue(forKey: id, keyOf: $1) }
        guard let place = removed.map({ Int($0) }) else { return nil }
        let event = event(at: place)
        let seq = slots[place].seq
        textIDs[seq] = nil
        details[seq] = nil
        wide[seq] = nil
        slots[place].flags = [.hole]
        if place == slots.count - 1 {
            while let last = slots.last, last.flags.contains(.hole) { slots.removeLast() }
        }
        if slots.count > 2 * places.count + 1_024 { closeHoles() }
        return event
    }

    private mutating func closeHoles() {
        slots.removeAll { $0.flags.contains(.hole) }
        placeAll()
    }

    /// Indexes every event's id at its place again, after places moved: the index reads ids from
    /// the events by place, so it is built anew rather than updated one moved event at a time.
    private mutating func placeAll() {
        var index = EventPlaces()
        index.removeAll(reservingCapacity: slots.count)
        slots.withUnsafeBufferPointer { events in
            for place in events.indices where !events[place].flags.contains(.hole) {
                let kept = events[place]
                if kept.flags.contains(.hexID) {
                    _ = index.updateValue(UInt32(place), forHexValue: kept.idValue) { events[Int($0)].idValue }
                } else {
                    _ = index.updateValue(UInt32(place), forText: textIDs[kept.seq]!)
                }
            }
        }
        places = index
    }

    /// Indexes the event's id at `place`, by its value or by `textID`.
    private mutating func setPlace(_ place: UInt32, of kept: KeptEvent, textID: String?) {
        guard kept.flags.contains(.hexID) else {
            _ = places.updateValue(place, forText: textID!)
            return
        }
        _ = changePlaces { $0.updateValue(place, forHexValue: kept.idValue, keyOf: $1) }
    }

    /// Changes the id index, given how to read the id at a place. The index is moved out for the
    /// call, so that changing it while the events are read never copies it.
    private mutating func changePlaces<Result>(
        _ change: (inout EventPlaces, (UInt32) -> UInt64) -> Result
    ) -> Result {
        var index = EventPlaces()
        swap(&index, &places)
        defer { places = index }
        return slots.withUnsafeBufferPointer { events in change(&index) { events[Int($0)].idValue } }
    }

    /// `details` is what the state keeps (`ActionEvent.keptForScoring`), nil when there is none.
    private mutating func kept(
        seq: UInt64, action: String, occurred: Int64, count: Int, hexValue: UInt64?, details: ActionEvent.Details?
    ) -> (KeptEvent, Wide?) {
        var flags: KeptEvent.Flags = []
        if hexValue != nil { flags.insert(.hexID) }
        if details != nil { flags.insert(.details) }
        let number = actionNumber(action)
        guard let narrowOccurred = UInt32(exactly: occurred), let narrowCount = Int16(exactly: count),
            let narrowAction = UInt8(exactly: number)
        else {
            flags.insert(.wide)
            let kept = KeptEvent(idValue: hexValue ?? 0, seq: seq, occurred: 0, count: 0, action: 0, flags: flags)
            return (kept, (occurred, count, number))
        }
        let kept = KeptEvent(
            idValue: hexValue ?? 0, seq: seq, occurred: narrowOccurred, count: narrowCount, action: narrowAction,
            flags: flags)
        return (kept, nil)
    }

    private mutating func keepBeside(
        _ kept: KeptEvent, textID: String?, details: ActionEvent.Details?, wide: Wide?
    ) {
        if let textID { textIDs[kept.seq] = textID }
        if let details { self.details[kept.seq] = details }
        if let wide { self.wide[kept.seq] = wide }
    }

    private mutating func actionNumber(_ name: String) -> UInt32 {
        if let number = actionNumbers[name] { return number }
        let number = UInt32(actionNames.count)
        actionNames.append(name)
        actionNumbers[name] = number
        return number
    }

    private func id(of kept: KeptEvent) -> String {
        kept.flags.contains(.hexID) ? EventPlaces.hexText(kept.idValue) : textIDs[kept.seq]!
    }

    private func event(at place: Int) -> ActionEvent {
        let kept = slots[place]
        let (occurred, count, action) = fields(of: kept)
        var event = ActionEvent(
            id: id(of: kept), seq: kept.seq, action: actionNames[Int(action)], occurred: occurred, recorded: occurred,
            count: count)
        if kept.flags.contains(.details) { event.details = details[kept.seq]! }
        return event
    }

    private func fields(of kept: KeptEvent) -> Wide {
        kept.flags.contains(.wide) ? wide[kept.seq]! : (Int64(kept.occurred), Int(kept.count), UInt32(kept.action))
    }
}
