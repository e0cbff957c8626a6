import Testing

@testable import SSIDomain

/// The open-addressing table answers as a `Dictionary` does through inserts, updates and removals
/// (the removals shift keys back across the end of the table too), and stays near its reserve.
@Suite struct HexPlaceTableTests {
    @Test func itAnswersAsADictionaryDoes() {
        var random: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: UInt64) -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (random >> 20) % bound
        }
        var table = HexPlaceTable()
        var reference: [UInt64: UInt32] = [:]
        // Few distinct keys (many repeats and removals of present keys), 0 and the largest among them.
        let keys: [UInt64] = [0, .max, 1, 1 << 63] + (0..<3_000).map { _ in next(1 << 40) &* 0x9E37_79B9 }
        for step in 0..<40_000 {
            let key = keys[Int(next(UInt64(keys.count)))]
            if next(3) == 0 {
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
            } else {
                let place = UInt32(step)
                #expect(table.updateValue(place, forKey: key) == reference.updateValue(place, forKey: key))
            }
            if step % 997 == 0 {
                #expect(table.count == reference.count)
                for key in keys { #expect(table[key] == reference[key]) }
            }
        }
        #expect(table.count == reference.count && reference.count > 500)
        for key in keys { #expect(table[key] == reference[key]) }
    }

    @Test func aReservedTableHoldsItsKeysInFewBuckets() {
        var table = HexPlaceTable()
        table.reserveCapacity(100_000)
        let reserved = table.bucketCount
        for index in 0..<100_000 {
            _ = table.updateValue(UInt32(index), forKey: UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        }
        #expect(table.bucketCount == reserved, "grew past its reserve")
        #expect(table.bucketCount < 120_000, "\(table.bucketCount) buckets for 100,000 keys")
        #expect(table[UInt64(99_999) &* 0x9E37_79B9_7F4A_7C15] == 99_999 && table[3] == nil)
        // Growing one key at a time stays within half again the keys.
        var grown = HexPlaceTable()
        for index in 0..<50_000 { _ = grown.updateValue(UInt32(index), forKey: UInt64(index)) }
        #expect(grown.count == 50_000 && grown.bucketCount < 50_000 * 2)
        #expect((0..<50_000).allSatisfy { grown[UInt64($0)] == UInt32($0) })
    }

    @Test func anEmptyTableFindsNothing() {
        var table = HexPlaceTable()
        #expect(table[0] == nil && table.removeValue(forKey: 7) == nil && table.count == 0)
    }
}
