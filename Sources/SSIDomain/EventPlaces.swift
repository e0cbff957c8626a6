/// Where each counting event sits in `CountedEvents`, by id. An id as ssi-logd makes it (16
/// lowercase hex digits) is keyed by its 64-bit value: half the size of a string key in a table
/// that is mostly empty buckets, and hashed without reading the string's storage. Any other id (a
/// journal written by hand, an older tool) is keyed by its text.
struct EventPlaces: Sendable {
    private var hex = HexPlaceTable()
    private var text: [String: UInt32] = [:]

    var count: Int { hex.count + text.count }

    /// The place of `id`; `keyOf` reads the hex value of the id at a place (`HexPlaceTable`).
    func place(of id: String, keyOf: (UInt32) -> UInt64) -> UInt32? {
        if let value = Self.hexValue(id) { return hex.place(of: value, keyOf: keyOf) }
        return text[id]
    }

    func place(ofHexValue value: UInt64, keyOf: (UInt32) -> UInt64) -> UInt32? {
        hex.place(of: value, keyOf: keyOf)
    }

    /// The place of an id that has no `hexValue`.
    func place(ofText id: String) -> UInt32? { text[id] }

    /// Sets the place of the id whose `hexValue` is `value`; returns the place it had, if any.
    mutating func updateValue(_ place: UInt32, forHexValue value: UInt64, keyOf: (UInt32) -> UInt64) -> UInt32? {
        hex.updateValue(place, forKey: value, keyOf: keyOf)
    }

    /// Sets the place of an id that has no `hexValue`; returns the place it had, if any.
    mutating func updateValue(_ place: UInt32, forText id: String) -> UInt32? {
        text.updateValue(place, forKey: id)
    }

    mutating func removeValue(forKey id: String, keyOf: (UInt32) -> UInt64) -> UInt32? {
        if let value = Self.hexValue(id) { return hex.removeValue(forKey: value, keyOf: keyOf) }
        return text.removeValue(forKey: id)
    }

    mutating func reserveCapacity(_ capacity: Int, keyOf: (UInt32) -> UInt64) {
        hex.reserveCapacity(capacity, keyOf: keyOf)
    }

    /// Empty, with room for `capacity` hex ids.
    mutating func removeAll(reservingCapacity capacity: Int) {
        hex.removeAll(reservingCapacity: capacity)
        text.removeAll()
    }

    /// The value of exactly 16 lowercase hex digits; nil for any other text, so that each id has one
    /// key and each key one id.
    static func hexValue(_ id: String) -> UInt64? {
        var utf8 = id.utf8
        guard utf8.count == 16 else { return nil }
        return utf8.withContiguousStorageIfAvailable(Self.hexValue(digits:)) ?? Self.hexValue(digits: Array(utf8))
    }

    /// The id whose `hexValue` is `value`: 16 lowercase hex digits.
    static func hexText(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }

    /// The value of these digits when each is a lowercase hex digit (the caller checks there are 16).
    static func hexValue<Digits: Collection<UInt8>>(digits: Digits) -> UInt64? {
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }
}
