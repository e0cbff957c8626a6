/// Places of the events whose ids are 16 hex digits, by the ids' 64-bit values: open addressing with
/// linear probing, at most 85% full. The ids themselves are not stored here: each event keeps its
/// own (`KeptEvent.idValue`) and `keyOf` reads it from a place. A bucket is the place (4 bytes) and
/// 8 bits of the id's hash, so a probe reads the event only when those bits match (1 in 256 of the
/// other keys): about 6 bytes per event, where a `Dictionary` of ids took 32 (grown by doubling to
/// stay 75% full) and a table holding the keys 14. Sized to the events it is reserved for; grows by
/// half.
struct HexPlaceTable: Sendable {
    /// `empty` where no key is.
    private var places: [UInt32] = []
    private var tags: [UInt8] = []
    private(set) var count = 0

    private static let empty = UInt32.max

    var bucketCount: Int { places.count }

    /// The place of `key`, reading the key of a candidate place with `keyOf`.
    func place(of key: UInt64, keyOf: (UInt32) -> UInt64) -> UInt32? {
        guard count > 0 else { return nil }
        let (home, tag) = home(of: key)
        var bucket = home
        while places[bucket] != Self.empty {
            if tags[bucket] == tag, keyOf(places[bucket]) == key { return places[bucket] }
            bucket = next(bucket)
        }
        return nil
    }

    /// Sets the place of `key` (`keyOf(place)` must already read `key`); returns the place it had.
    mutating func updateValue(_ place: UInt32, forKey key: UInt64, keyOf: (UInt32) -> UInt64) -> UInt32? {
        precondition(place != Self.empty, "an event place must be below \(Self.empty)")
        if (count + 1) * 20 > places.count * 17 {
            resize(to: max(16, places.count * 3 / 2, (count + 1) * 5 / 4), keyOf: keyOf)
        }
        let (home, tag) = home(of: key)
        var bucket = home
        while places[bucket] != Self.empty {
            if tags[bucket] == tag, keyOf(places[bucket]) == key {
                defer { places[bucket] = place }
                return places[bucket]
            }
            bucket = next(bucket)
        }
        places[bucket] = place
        tags[bucket] = tag
        count += 1
        return nil
    }

    /// Removes `key`, shifting back the keys after it that probed past its bucket, so that no
    /// lookup ever stops early at the hole.
    mutating func removeValue(forKey key: UInt64, keyOf: (UInt32) -> UInt64) -> UInt32? {
        guard count > 0 else { return nil }
        let (home, tag) = home(of: key)
        var hole = home
        while places[hole] == Self.empty || tags[hole] != tag || keyOf(places[hole]) != key {
            if places[hole] == Self.empty { return nil }
            hole = next(hole)
        }
        let removed = places[hole]
        var bucket = next(hole)
        while places[bucket] != Self.empty {
            let wanted = self.home(of: keyOf(places[bucket])).bucket
            // Move it into the hole unless its home lies cyclically in (hole, bucket].
            let stays = hole < bucket ? (wanted > hole && wanted <= bucket) : (wanted > hole || wanted <= bucket)
            if !stays {
                places[hole] = places[bucket]
                tags[hole] = tags[bucket]
                hole = bucket
            }
            bucket = next(bucket)
        }
        places[hole] = Self.empty
        count -= 1
        return removed
    }

    /// Room for `capacity` keys without growing.
    mutating func reserveCapacity(_ capacity: Int, keyOf: (UInt32) -> UInt64) {
        let needed = capacity * 20 / 17 + 1
        if needed > places.count { resize(to: needed, keyOf: keyOf) }
    }

    /// Empty, with room for `capacity` keys.
    mutating func removeAll(reservingCapacity capacity: Int) {
        let buckets = max(16, capacity * 20 / 17 + 1)
        places = Array(repeating: Self.empty, count: buckets)
        tags = Array(repeating: 0, count: buckets)
        count = 0
    }

    private mutating func resize(to buckets: Int, keyOf: (UInt32) -> UInt64) {
        let oldPlaces = places
        places = Array(repeating: Self.empty, count: buckets)
        tags = Array(repeating: 0, count: buckets)
        for place in oldPlaces where place != Self.empty {
            let (home, tag) = home(of: keyOf(place))
            var bucket = home
            while places[bucket] != Self.empty { bucket = next(bucket) }
            places[bucket] = place
            tags[bucket] = tag
        }
    }

    /// The buckets as they are, for a checkpoint's sealed events (`SealedEvents` looks keys up in
    /// them with `home(of:buckets:)`).
    func withBuckets<Result>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        places.withUnsafeBufferPointer { places in tags.withUnsafeBufferPointer { body(places, $0) } }
    }

    /// The place of `key` in buckets laid out as this table lays them out (`withBuckets`).
    static func place(
        of key: UInt64, places: UnsafeBufferPointer<UInt32>, tags: UnsafeBufferPointer<UInt8>,
        keyOf: (UInt32) -> UInt64
    ) -> UInt32? {
        guard !places.isEmpty else { return nil }
        let (home, tag) = home(of: key, buckets: places.count)
        var bucket = home
        while places[bucket] != empty {
            if tags[bucket] == tag, keyOf(places[bucket]) == key { return places[bucket] }
            bucket = bucket + 1 == places.count ? 0 : bucket + 1
        }
        return nil
    }

    private func home(of key: UInt64) -> (bucket: Int, tag: UInt8) { Self.home(of: key, buckets: places.count) }

    /// The key mixed (ids may be chosen by hand, not only at random), then mapped onto any number of
    /// buckets by the high half of a product rather than a power-of-two mask; the tag is 8 other
    /// bits of the mix.
    private static func home(of key: UInt64, buckets: Int) -> (bucket: Int, tag: UInt8) {
        var mixed = key ^ (key >> 33)
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed &*= 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return (Int(mixed.multipliedFullWidth(by: UInt64(buckets)).high), UInt8(truncatingIfNeeded: mixed))
    }

    private func next(_ bucket: Int) -> Int { bucket + 1 == places.count ? 0 : bucket + 1 }
}
