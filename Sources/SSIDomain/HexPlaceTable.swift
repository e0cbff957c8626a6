/// Places of the events whose ids are 16 hex digits, by the ids' 64-bit values: open addressing with
/// linear probing in two flat arrays (12 bytes a bucket), at most 85% full. A `Dictionary` grows
/// by doubling to stay at most 75% full: a million ids took two million buckets. Here the table is
/// sized to the events it is reserved for and grows by half.
struct HexPlaceTable: Sendable {
    private var keys: [UInt64] = []
    /// `empty` where no key is.
    private var places: [UInt32] = []
    private(set) var count = 0

    private static let empty = UInt32.max

    var bucketCount: Int { keys.count }

    subscript(key: UInt64) -> UInt32? {
        guard count > 0 else { return nil }
        var bucket = home(of: key)
        while places[bucket] != Self.empty {
            if keys[bucket] == key { return places[bucket] }
            bucket = next(bucket)
        }
        return nil
    }

    /// Sets the place of `key`; returns the place it had, if any.
    mutating func updateValue(_ place: UInt32, forKey key: UInt64) -> UInt32? {
        precondition(place != Self.empty, "an event place must be below \(Self.empty)")
        if (count + 1) * 20 > keys.count * 17 { resize(to: max(16, keys.count * 3 / 2, (count + 1) * 5 / 4)) }
        var bucket = home(of: key)
        while places[bucket] != Self.empty {
            if keys[bucket] == key {
                defer { places[bucket] = place }
                return places[bucket]
            }
            bucket = next(bucket)
        }
        keys[bucket] = key
        places[bucket] = place
        count += 1
        return nil
    }

    /// Removes `key`, shifting back the keys after it that probed past its bucket, so that no
    /// lookup ever stops early at the hole.
    mutating func removeValue(forKey key: UInt64) -> UInt32? {
        guard count > 0 else { return nil }
        var hole = home(of: key)
        while keys[hole] != key || places[hole] == Self.empty {
            if places[hole] == Self.empty { return nil }
            hole = next(hole)
        }
        let removed = places[hole]
        var bucket = next(hole)
        while places[bucket] != Self.empty {
            let wanted = home(of: keys[bucket])
            // Move it into the hole unless its home lies cyclically in (hole, bucket].
            let stays = hole < bucket ? (wanted > hole && wanted <= bucket) : (wanted > hole || wanted <= bucket)
            if !stays {
                keys[hole] = keys[bucket]
                places[hole] = places[bucket]
                hole = bucket
            }
            bucket = next(bucket)
        }
        places[hole] = Self.empty
        count -= 1
        return removed
    }

    /// Room for `capacity` keys without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        let needed = capacity * 20 / 17 + 1
        if needed > keys.count { resize(to: needed) }
    }

    private mutating func resize(to buckets: Int) {
        let oldKeys = keys
        let oldPlaces = places
        keys = Array(repeating: 0, count: buckets)
        places = Array(repeating: Self.empty, count: buckets)
        for (key, place) in zip(oldKeys, oldPlaces) where place != Self.empty {
            var bucket = home(of: key)
            while places[bucket] != Self.empty { bucket = next(bucket) }
            keys[bucket] = key
            places[bucket] = place
        }
    }

    /// The key mixed (ids may be chosen by hand, not only at random), then mapped onto any number of
    /// buckets by the high half of a product rather than a power-of-two mask.
    private func home(of key: UInt64) -> Int {
        var mixed = key ^ (key >> 33)
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed &*= 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return Int(mixed.multipliedFullWidth(by: UInt64(keys.count)).high)
    }

    private func next(_ bucket: Int) -> Int { bucket + 1 == keys.count ? 0 : bucket + 1 }
}
