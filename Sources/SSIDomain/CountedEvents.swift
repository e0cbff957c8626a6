/// The action events that still count, in sequence order: those a checkpoint sealed, read in place
/// (`SealedEvents`), then a dense array of compact events added since, and an index from id to
/// place. An undone event leaves a hole, closed once holes outnumber events; a sealed one undone is
/// remembered by its place.
///
/// Every event added since the checkpoint stays in memory, so each is kept as a `KeptEvent` (24
/// bytes, no string of its own) rather than as an `ActionEvent` (72 bytes inline plus its id's
/// 64-byte heap string): an event is made again, id and all, only when one is asked for.
public struct CountedEvents: Sendable {
    /// Places `0..<sealed.count`, none of them a hole when sealed.
    private var sealed = SealedEvents.none
    /// Sealed events undone since they were sealed, by place.
    private var sealedHoles: Set<UInt32> = []
    /// Sealed events whose ids are not 16 hex digits, by id.
    private var sealedTextPlaces: [String: UInt32] = [:]
    /// Events since, at places `sealed.count...`, in sequence order; holes where one was undone.
    /// The last, when any, is never a hole.
    private var slots: [KeptEvent] = []
    /// The ids of `slots`, by place (counted from the first sealed event).
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

    /// Events read in place from a checkpoint's section (undone ones included).
    var sealedCount: Int { sealed.count }

    /// How many events count.
    public var count: Int { places.count + sealed.count - sealedHoles.count }

    /// The event with this id, if it counts.
    public subscript(id: String) -> ActionEvent? {
        place(of: id).map { event(at: Int($0)) }
    }

    /// The place of the event with this id that counts, added since the checkpoint or sealed.
    private func place(of id: String) -> UInt32? {
        EventPlaces.hexValue(id).map { place(ofHexValue: $0) } ?? place(ofText: id)
    }

    private func place(ofHexValue value: UInt64) -> UInt32? {
        let base = sealed.count
        let added = slots.withUnsafeBufferPointer { events in
            places.place(ofHexValue: value) { events[Int($0) - base].idValue }
        }
        return added ?? sealedPlace(ofHexValue: value)
    }

    private func place(ofText id: String) -> UInt32? {
        places.place(ofText: id) ?? sealedTextPlaces[id].flatMap { sealedHoles.contains($0) ? nil : $0 }
    }

    private func sealedPlace(ofHexValue value: UInt64) -> UInt32? {
        guard sealed.count > 0, let place = sealed.place(ofHexValue: value), !sealedHoles.contains(place) else {
            return nil
        }
        return place
    }

    /// Places in use, holes included: what the holes cost.
    var slotCount: Int { sealed.count + slots.count }

    private func slot(_ place: Int) -> KeptEvent {
        place < sealed.count ? sealed.events[place] : slots[place - sealed.count]
    }

    private func isHole(_ place: Int) -> Bool {
        place < sealed.count
            ? sealedHoles.contains(UInt32(place)) : slots[place - sealed.count].flags.contains(.hole)
    }

    /// Every event that counts, in sequence order. A plain sequence: what is built from it (`map`,
    /// `filter`) is built once, never walked again per index.
    public var values: some Sequence<ActionEvent> {
        (0..<slotCount).lazy.filter { !isHole($0) }.map { event(at: $0) }
    }

    /// The event with this seq, if it counts: a binary search, holes keep their seq.
    public subscript(seq seq: UInt64) -> ActionEvent? {
        let low = firstPlace(atOrAfter: seq)
        guard low < slotCount, slot(low).seq == seq, !isHole(low) else { return nil }
        return event(at: low)
    }

    /// The newest event that counts.
    public var latest: ActionEvent? {
        guard let place = (0..<slotCount).reversed().first(where: { !isHole($0) }) else { return nil }
        return event(at: place)
    }

    /// The newest event that counts and is not in `excluded`, walking back from the newest.
    public func latest(excluding excluded: Set<String>) -> ActionEvent? {
        for place in (0..<slotCount).reversed() where !isHole(place) {
            if !excluded.contains(id(of: slot(place))) { return event(at: place) }
        }
        return nil
    }

    /// Each typed event (no source) that counts, in sequence order, as its action, the time it
    /// happened and its seq: what an import's index of typed events needs, without an `ActionEvent`
    /// or an id's text made per event.
    public func forEachTyped(_ body: (String, Int64, UInt64) -> Void) {
        forEachCounting { kept, fields in
            if kept.flags.contains(.details), details[kept.seq]?.source != nil { return }
            body(actionNames[Int(fields.action)], fields.occurred, kept.seq)
        }
    }

    /// When the newest event happened: among the typed events (no source) when there are any, else
    /// among all. One pass over the compact events, none of them made into an `ActionEvent`.
    public func newestOccurred() -> (typed: Int64?, any: Int64?) {
        var typed: Int64?
        var any: Int64?
        forEachCounting { kept, fields in
            any = max(any ?? fields.occurred, fields.occurred)
            if !kept.flags.contains(.details) || details[kept.seq]?.source == nil {
                typed = max(typed ?? fields.occurred, fields.occurred)
            }
        }
        return (typed, any)
    }

    /// Every event that counts as the time it happened and its seq, in sequence order: what a replay
    /// in time order sorts (16 bytes an event, where the events themselves are 72 and an id each).
    public func timesAndSeqs() -> [(occurred: Int64, seq: UInt64)] {
        var result: [(occurred: Int64, seq: UInt64)] = []
        result.reserveCapacity(count)
        forEachCounting { kept, fields in result.append((fields.occurred, kept.seq)) }
        return result
    }

    /// Each event that counts, in sequence order, as kept and with its fields widened: the walks
    /// that need no `ActionEvent`. The walk reads every sealed page, so it hands them back after:
    /// its callers (an import's first check, a metrics write, a replay) need not remember to.
    private func forEachCounting(_ body: (KeptEvent, Wide) -> Void) {
        for place in 0..<slotCount where !isHole(place) {
            let kept = slot(place)
            body(kept, fields(of: kept))
        }
        dropResidentPages()
    }

    /// The entries of a capped action's local day (`ScoreInputs.DayEntries`): its events that
    /// count with units, found among the seqs given.
    func capEntries(
        _ action: String, day: Int64, seqs: ClosedRange<UInt64>, calendar: LocalCalendar
    ) -> [ScoreInputs.CapEntry] {
        // Compared by number, not name: a backdated import can look through most of the events.
        guard let number = actionNumbers[action] else { return [] }
        var entries: [ScoreInputs.CapEntry] = []
        for place in firstPlace(atOrAfter: seqs.lowerBound)..<slotCount {
            let kept = slot(place)
            guard kept.seq <= seqs.upperBound else { break }
            guard !isHole(place), kept.flags.contains(.wide) || UInt32(kept.action) == number else { continue }
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
        var high = slotCount
        while low < high {
            let middle = (low + high) / 2
            if slot(middle).seq < seq { low = middle + 1 } else { high = middle }
        }
        return low
    }

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
        if slotCount == 0 || slot(slotCount - 1).seq < event.seq {
            return append(kept, textID: textID, details: held, wide: wide)
        }
        guard place(of: event.id) == nil else { return false }
        // Among the sealed events: they are read in place, so all of them are taken into memory.
        if firstPlace(atOrAfter: event.seq) < sealed.count { unseal() }
        var place = slots.count
        while place > 0, slots[place - 1].seq >= event.seq { place -= 1 }
        slots.insert(kept, at: place)
        keepBeside(kept, textID: textID, details: held, wide: wide)
        placeAll()
        return true
    }

    /// Adds the newest event; false (and nothing changes) when its id is already here.
    private mutating func append(
        _ kept: KeptEvent, textID: String?, details: ActionEvent.Details?, wide: Wide?
    ) -> Bool {
        let known = kept.flags.contains(.hexID) ? place(ofHexValue: kept.idValue) : place(ofText: textID!)
        guard known == nil else { return false }
        slots.append(kept)
        keepBeside(kept, textID: textID, details: details, wide: wide)
        setPlace(UInt32(sealed.count + slots.count - 1), of: kept, textID: textID)
        return true
    }

    /// Removes the event with this id and returns it; nil when it does not count.
    mutating func remove(id: String) -> ActionEvent? {
        let removed: UInt32? = changePlaces { $0.removeValue(forKey: id, keyOf: $1) }
        // Not among those added since: a sealed one, if it still counts.
        guard let place = (removed ?? place(of: id)).map({ Int($0) }) else { return nil }
        let event = event(at: place)
        let seq = slot(place).seq
        textIDs[seq] = nil
        details[seq] = nil
        wide[seq] = nil
        guard place >= sealed.count else {
            sealedHoles.insert(UInt32(place))
            return event
        }
        slots[place - sealed.count].flags = [.hole]
        if place - sealed.count == slots.count - 1 {
            while let last = slots.last, last.flags.contains(.hole) { slots.removeLast() }
        }
        if slots.count > 2 * places.count + 1_024 { closeHoles() }
        return event
    }

    /// Takes the sealed events that count into memory, after the events added since.
    private mutating func unseal() {
        var all: [KeptEvent] = []
        all.reserveCapacity(slotCount - sealedHoles.count)
        for place in 0..<sealed.count where !sealedHoles.contains(UInt32(place)) { all.append(sealed.events[place]) }
        all.append(contentsOf: slots)
        slots = all
        sealed = .none
        sealedHoles = []
        sealedTextPlaces = [:]
        placeAll()
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
        let base = sealed.count
        slots.withUnsafeBufferPointer { events in
            for offset in events.indices where !events[offset].flags.contains(.hole) {
                let kept = events[offset]
                let place = UInt32(base + offset)
                if kept.flags.contains(.hexID) {
                    _ = index.updateValue(place, forHexValue: kept.idValue) { events[Int($0) - base].idValue }
                } else {
                    _ = index.updateValue(place, forText: textIDs[kept.seq]!)
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
        let base = sealed.count
        return slots.withUnsafeBufferPointer { events in change(&index) { events[Int($0) - base].idValue } }
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
        let kept = slot(place)
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

    // MARK: - Checkpoint

    /// What a checkpoint keeps beside the sealed section: the action names, the ids that are not
    /// hex, the details and the wide fields, and how many events the section holds.
    func encode(into writer: inout BinaryWriter) {
        writer.write(actionNames)
        // By seq: the same state always makes the same bytes.
        writer.write(each: textIDs.sorted { $0.key < $1.key }) {
            $0.write($1.key)
            $0.write($1.value)
        }
        writer.write(each: details.sorted { $0.key < $1.key }) {
            $0.write($1.key)
            $0.write($1.value.tags)
            $0.write($1.value.section)
            $0.write($1.value.source)
        }
        writer.write(each: wide.sorted { $0.key < $1.key }) {
            $0.write($1.key)
            $0.write($1.value.occurred)
            $0.write($1.value.count)
            $0.write(UInt64($1.value.action))
        }
        writer.write(count)
    }

    /// Hands back the pages of the sealed events that reading all of them brought in (`SealedEvents`).
    public func dropResidentPages() { sealed.dropResidentPages() }

    /// Every event that counts, sealed: compact `KeptEvent`s in sequence order, then the buckets of
    /// an index of their hex ids (`SealedEvents` reads it in place).
    func sealedSection() -> SealedEvents.Section {
        var kept: [KeptEvent] = []
        kept.reserveCapacity(count)
        for place in 0..<slotCount where !isHole(place) { kept.append(slot(place)) }
        var index = HexPlaceTable()
        index.removeAll(reservingCapacity: kept.count)
        kept.withUnsafeBufferPointer { events in
            for place in events.indices where events[place].flags.contains(.hexID) {
                _ = index.updateValue(UInt32(place), forKey: events[place].idValue) { events[Int($0)].idValue }
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SealedEvents.sectionSize(eventCount: kept.count, bucketCount: index.bucketCount))
        for event in kept {
            Self.appendLittleEndian(event.idValue, to: &bytes)
            Self.appendLittleEndian(event.seq, to: &bytes)
            Self.appendLittleEndian(event.occurred, to: &bytes)
            Self.appendLittleEndian(UInt16(bitPattern: event.count), to: &bytes)
            bytes.append(event.action)
            bytes.append(event.flags.rawValue)
        }
        index.withBuckets { places, tags in
            for place in places { Self.appendLittleEndian(place, to: &bytes) }
            bytes.append(contentsOf: tags)
        }
        return SealedEvents.Section(bytes: bytes, eventCount: kept.count, bucketCount: index.bucketCount)
    }

    private static func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The events as `encode(into:)` and `sealedSection()` wrote them, `sealed` read from the latter.
    init(decoding reader: inout BinaryReader, sealed: SealedEvents) throws(BinaryReader.Malformed) {
        actionNames = try reader.readStrings()
        for (number, name) in actionNames.enumerated() { actionNumbers[name] = UInt32(number) }
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            textIDs[try reader.readUInt64()] = try reader.readString()
        }
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let seq = try reader.readUInt64()
            details[seq] = ActionEvent.Details(
                tags: try reader.readStrings(), section: try reader.readOptionalString(),
                source: try reader.readOptionalString())
        }
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let seq = try reader.readUInt64()
            let occurred = try reader.readInt64()
            let count = try reader.readInt()
            guard let action = UInt32(exactly: try reader.readUInt64()) else {
                throw BinaryReader.Malformed("an action number out of range")
            }
            wide[seq] = (occurred, count, action)
        }
        guard try reader.readInt() == sealed.count else {
            throw BinaryReader.Malformed("the sealed section does not hold the events counted")
        }
        self.sealed = sealed
        // Few ids are not hex: each is found by its seq, which reads a few pages of the section.
        for (seq, text) in textIDs {
            let place = firstPlace(atOrAfter: seq)
            guard place < sealed.count, sealed.events[place].seq == seq else {
                throw BinaryReader.Malformed("an id kept beside names no sealed event")
            }
            sealedTextPlaces[text] = UInt32(place)
        }
    }
}
