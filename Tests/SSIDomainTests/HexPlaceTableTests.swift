import Testing

@testable import SSIDomain

/// The open-addressing table answers as a `Dictionary` does through inserts, updates and removals
/// (the removals shift keys back across the end of the table too), and stays near its reserve. The
/// keys live outside the table, as the events keep their ids: here in `keys`, by place.
@Suite struct HexPlaceTableTests {
    @Test func itAnswersAsADictionaryDoes() {
        var random: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: UInt64) -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (random >> 20) % bound
        }
        var table = HexPlaceTable()
        var reference: [UInt64: UInt32] = [:]
        var keyAt = [UInt64](repeating: 0, count: 40_000)
        // Few distinct keys (many repeats and removals of present keys), 0 and the largest among them;
        // keys that share their 8 tag bits are among them (3,000 keys, 256 tags).
        let keys: [UInt64] = [0, .max, 1, 1 << 63] + (0..<3_000).map { _ in next(1 << 40) &* 0x9E37_79B9 }
        for step in 0..<40_000 {
            let key = keys[Int(next(UInt64(keys.count)))]
            if next(3) == 0 {
                let removed = keyAt.withUnsafeBufferPointer { stored in
                    table.removeValue(forKey: key) { stored[Int($0)] }
                }
                #expect(removed == reference.removeValue(forKey: key))
            } else {
                // The key is at its new place before the table is told.
                keyAt[step] = key
                let old = keyAt.withUnsafeBufferPointer { stored in
                    table.updateValue(UInt32(step), forKey: key) { stored[Int($0)] }
                }
                #expect(old == reference.updateValue(UInt32(step), forKey: key))
            }
            if step % 997 == 0 {
                #expect(table.count == reference.count)
                for key in keys { #expect(table.place(of: key) { keyAt[Int($0)] } == reference[key]) }
            }
        }
        #expect(table.count == reference.count && reference.count > 500)
        for key in keys { #expect(table.place(of: key) { keyAt[Int($0)] } == reference[key]) }
    }

    @Test func aReservedTableHoldsItsKeysInFewBuckets() {
        func key(_ place: UInt32) -> UInt64 { UInt64(place) &* 0x9E37_79B9_7F4A_7C15 }
        var table = HexPlaceTable()
        table.reserveCapacity(100_000, keyOf: key)
        let reserved = table.bucketCount
        for index in 0..<100_000 { _ = table.updateValue(UInt32(index), forKey: key(UInt32(index)), keyOf: key) }
        #expect(table.bucketCount == reserved, "grew past its reserve")
        #expect(table.bucketCount < 120_000, "\(table.bucketCount) buckets for 100,000 keys")
        #expect(table.place(of: key(99_999), keyOf: key) == 99_999 && table.place(of: 3, keyOf: key) == nil)
        // Growing one key at a time stays within half again the keys.
        var grown = HexPlaceTable()
        for index in 0..<50_000 { _ = grown.updateValue(UInt32(index), forKey: UInt64(index)) { UInt64($0) } }
        #expect(grown.count == 50_000 && grown.bucketCount < 50_000 * 2)
        #expect((0..<50_000).allSatisfy { grown.place(of: UInt64($0)) { UInt64($0) } == UInt32($0) })
    }

    @Test func anEmptyTableFindsNothing() {
        var table = HexPlaceTable()
        #expect(table.place(of: 0) { UInt64($0) } == nil)
        #expect(table.removeValue(forKey: 7) { UInt64($0) } == nil && table.count == 0)
    }
}
