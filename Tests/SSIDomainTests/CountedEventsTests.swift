import SSIDomain
import Testing

@testable import SSIDomain

/// The packed table of counting events answers exactly as a table keyed by id plus a search of
/// every event would, through appends, older inserts, undos and the closing of holes.
@Suite struct CountedEventsTests {
    /// Actions, counts, times and details vary with the seq, so a field kept in the wrong place shows.
    static func event(_ seq: UInt64, id: String? = nil) -> ActionEvent {
        let actions = ["comment", "like", "connect", "profile-view"]
        return ActionEvent(
            id: id ?? "e\(seq)", seq: seq, action: actions[Int(seq % 4)], occurred: Int64(seq) * 37 % 10_007,
            recorded: Int64(seq) + 5, count: Int(seq % 3) + 1, tags: seq % 5 == 0 ? ["coworker", "t\(seq)"] : [],
            section: seq % 7 == 0 ? "headline" : nil, note: seq % 2 == 0 ? "note \(seq)" : nil,
            url: seq % 9 == 0 ? "https://example.org/\(seq)" : nil, requestID: seq % 3 == 0 ? "r\(seq)" : nil,
            source: seq % 11 == 0 ? "Shares.csv:\(seq)" : nil)
    }

    @Test func aKeptEventReadsBackAsItsKeptCopy() {
        var table = CountedEvents()
        let events = (1...200).map {
            Self.event(UInt64($0), id: $0 % 2 == 0 ? nil : EventPlaces.hexText(UInt64($0) << 40))
        }
        for event in events { _ = table.insert(event) }
        for event in events {
            #expect(table[event.id] == event.keptForScoring)
            #expect(table[seq: event.seq] == event.keptForScoring)
        }
        #expect(Array(table.values) == events.map(\.keptForScoring))
        #expect(events.contains { $0.note != nil } && events.contains { !$0.tags.isEmpty })
        #expect(
            EventPlaces.hexText(0xFF) == "00000000000000ff" && EventPlaces.hexValue(EventPlaces.hexText(.max)) == .max)
    }

    /// Ids as ssi-logd makes them (16 lowercase hex digits) are keyed by their value, any other by its
    /// text: no two ids may meet under one key.
    @Test func hexIdsAndOtherIdsNeverShareAKey() {
        let ids = [
            "00000000000000ff", "00000000000000FF", "ff", "0000000000000000ff", "000000000000000f", "g00000000000000f",
            "0000000000000000", "ffffffffffffffff", "e1",
        ]
        var table = CountedEvents()
        var added = 0
        for (index, id) in ids.enumerated() where table.insert(Self.event(UInt64(index + 1), id: id)) { added += 1 }
        #expect(added == ids.count && table.count == ids.count)
        for (index, id) in ids.enumerated() { #expect(table[id]?.seq == UInt64(index + 1), "\(id)") }
        let removed = table.remove(id: "00000000000000ff")
        #expect(removed?.seq == 1 && table["00000000000000ff"] == nil && table["00000000000000FF"]?.seq == 2)
        #expect(table["ff"]?.seq == 3 && table["0000000000000001"] == nil)
    }

    /// Every byte in every place of an id: a hex value only for 16 lowercase hex digits.
    @Test func onlyLowercaseHexDigitsMakeAValue() {
        for byte in UInt8(0)...UInt8(255) {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            for place in [0, 7, 15] {
                var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 16)
                digits[place] = byte
                let value = EventPlaces.hexValue(digits: digits)
                let expected =
                    isDigit || isLetter ? UInt64(isDigit ? byte - 48 : byte - 87) << UInt64(4 * (15 - place)) : nil
                #expect(value == expected, "byte \(byte) at \(place)")
            }
        }
    }

    /// What every counting event costs in the array, holes included: no string of its own.
    @Test func aKeptEventIsTwentyFourBytes() {
        #expect(MemoryLayout<KeptEvent>.stride == 24)
    }

    /// A time before 1970 or after 2106, a count past 32,767 and more than 256 action names do not
    /// fit the narrow fields; they read back all the same (the time recorded as the time it
    /// happened: the state keeps no other), and an undo takes them away.
    @Test func wideFieldsReadBackAsGiven() throws {
        var table = CountedEvents()
        var events: [ActionEvent] = []
        for seq in UInt64(1)...1_000 {
            let occurred: Int64 =
                switch seq % 100 {
                case 0: -5
                case 1: Int64(UInt32.max) + 1
                case 2: Int64(UInt32.max)
                default: Int64(seq)
                }
            let count = seq % 100 == 3 ? Int(Int16.max) + 1 : seq % 100 == 4 ? Int(Int16.max) : 2
            let event = ActionEvent(
                id: "w\(seq)", seq: seq, action: "a\(seq)", occurred: occurred, recorded: occurred + 30, count: count)
            events.append(event)
            _ = table.insert(event)
        }
        for event in events where event.seq % 100 < 5 || (250...260).contains(event.seq) {
            #expect(table[event.id] == event.keptForScoring)
            #expect(table[event.id]?.recorded == event.occurred)
        }
        #expect(table.remove(id: "w200") == events[199].keptForScoring && table["w200"] == nil)
        #expect(table.latest == events.last?.keptForScoring && table[seq: 1_000] == events.last?.keptForScoring)
        // Sealed by a checkpoint, they read back the same.
        let sealed = try Self.sealed(table)
        #expect(Array(sealed.values) == Array(table.values))
        for event in events where event.seq % 100 < 5 && event.seq != 200 {
            #expect(sealed[event.id] == event.keptForScoring)
        }
    }

    @Test func itAnswersAsASearchOfEveryEventWould() throws {
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var table = CountedEvents()
        var reference: [String: ActionEvent] = [:]
        var nextSeq: UInt64 = 10
        var compared = 0
        var seals = 0
        for step in 0..<5_000 {
            // Now and then a checkpoint seals what counts; the events after it are kept beside.
            if next(250) == 0 {
                table = try Self.sealed(table)
                seals += 1
            }
            switch next(10) {
            case 0..<5:
                // Mostly the newest; sometimes an older seq that no event has (a merged journal).
                let seq = next(8) == 0 ? UInt64(next(Int(nextSeq))) * 1_000 + 7 : nextSeq * 1_000
                nextSeq += 1
                // Half the ids as ssi-logd makes them, half other text.
                let hex = String(seq, radix: 16)
                let event = Self.event(
                    seq, id: seq % 2 == 0 ? String(repeating: "0", count: 16 - hex.count) + hex : nil)
                let added = table.insert(event)
                #expect(added == (reference[event.id] == nil))
                if added { reference[event.id] = event.keptForScoring }
            case 5:
                let ids = reference.keys.sorted()
                if !ids.isEmpty {
                    let added = table.insert(reference[ids[next(ids.count)]]!)
                    #expect(!added)
                }
            default:
                // Undo: the newest most of the time (a bare `undo`), else any event that counts.
                let ids = reference.keys.sorted()
                let target = next(3) == 0 && !ids.isEmpty ? ids[next(ids.count)] : table.latest?.id
                if let target {
                    let removed = table.remove(id: target)
                    #expect(removed == reference.removeValue(forKey: target))
                }
                let absent = table.remove(id: "absent")
                #expect(absent == nil)
            }
            if step % 41 == 0 || reference.count < 3 {
                compared += 1
                let ordered = reference.values.sorted { $0.seq < $1.seq }
                #expect(table.count == reference.count)
                #expect(Array(table.values) == ordered)
                #expect(table.latest == ordered.last)
                let excluded = Set(ordered.suffix(2).map(\.id))
                #expect(table.latest(excluding: excluded) == ordered.dropLast(2).last)
                for event in ordered.prefix(20) { #expect(table[event.id] == event) }
                for event in ordered.suffix(10) + ordered.prefix(10) { #expect(table[seq: event.seq] == event) }
                #expect(table[seq: 0] == nil && table[seq: nextSeq * 1_000 + 1] == nil)
                let newest = table.newestOccurred()
                #expect(newest.any == ordered.map(\.occurred).max())
                #expect(newest.typed == ordered.filter { $0.source == nil }.map(\.occurred).max())
            }
        }
        #expect(compared > 100)
        #expect(seals > 5)
    }

    /// A checkpoint's round trip: the side tables through the body, the events through a section
    /// read in place.
    static func sealed(_ table: CountedEvents) throws -> CountedEvents {
        var writer = BinaryWriter()
        table.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let decoded = try CountedEvents(decoding: &reader, sealed: SealedEvents(copying: table.sealedSection()))
        #expect(reader.isAtEnd)
        #expect(decoded.count == table.count && decoded.slotCount == table.count)
        return decoded
    }

    /// Sealed events answer as the inserted ones did; undone, they are gone, and a section that does
    /// not hold the events the body counts is refused.
    @Test func sealedEventsAnswerAsInsertedOnes() throws {
        let events = (1...300).map {
            Self.event(UInt64($0) * 2, id: $0 % 3 == 0 ? nil : EventPlaces.hexText(UInt64($0) * 977))
        }
        var table = CountedEvents()
        for event in events {
            let added = table.insert(event)
            #expect(added)
        }
        var sealed = try Self.sealed(table)
        #expect(Array(sealed.values) == events.map(\.keptForScoring))
        for event in events { #expect(sealed[event.id] == event.keptForScoring) }
        let twice = [sealed.insert(events[7]), sealed.insert(events[8])]
        #expect(twice == [false, false], "a sealed id is not added twice")
        let undone = [
            sealed.remove(id: events[9].id), sealed.remove(id: events[10].id), sealed.remove(id: events[10].id),
        ]
        #expect(undone == [events[9].keptForScoring, events[10].keptForScoring, nil])
        #expect(sealed[events[9].id] == nil && sealed.count == events.count - 2)
        #expect(sealed.latest(excluding: [events[299].id]) == events[298].keptForScoring)
        let newer = Self.event(1_000, id: EventPlaces.hexText(0xABC))
        let added = sealed.insert(newer)
        #expect(added && sealed.latest == newer.keptForScoring)
        let resealed = try Self.sealed(sealed)
        #expect(Array(resealed.values) == Array(sealed.values) && resealed[events[9].id] == nil)
        var writer = BinaryWriter()
        table.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(throws: BinaryReader.Malformed.self) {
            try CountedEvents(decoding: &reader, sealed: SealedEvents(copying: sealed.sealedSection()))
        }
    }

    @Test func holesAreClosedOnceTheyOutnumberTheEvents() {
        var table = CountedEvents()
        var changed = 0
        for seq in 1...5_000 where table.insert(Self.event(UInt64(seq))) { changed += 1 }
        // Undo every event but each hundredth: holes everywhere, kept in order.
        for seq in 1..<5_000 where seq % 100 != 0 && table.remove(id: "e\(seq)") != nil { changed += 1 }
        #expect(changed == 5_000 + 4_950)
        #expect(table.count == 50)
        #expect(table[seq: 100]?.id == "e100" && table[seq: 5_000]?.id == "e5000" && table[seq: 101] == nil)
        #expect(table.values.map(\.seq) == (1...50).map { UInt64($0 * 100) })
        #expect(table.slotCount < 2 * table.count + 1_025, "holes were not closed: \(table.slotCount) slots")
        for seq in stride(from: 100, through: 5_000, by: 100) { #expect(table["e\(seq)"]?.seq == UInt64(seq)) }
        let added = table.insert(Self.event(5_001))
        #expect(added && table.latest?.seq == 5_001)
    }
}
