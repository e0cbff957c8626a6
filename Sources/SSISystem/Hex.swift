/// Fixed-width lowercase hex, for event ids, request ids and checksums.
public enum Hex {
    /// `value` as exactly `digits` hex digits, zero-padded.
    public static func fixedWidth<Value: BinaryInteger>(_ value: Value, digits: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    /// A random 64-bit id as 16 hex digits (never zero).
    public static func randomID() -> String {
        fixedWidth(UInt64.random(in: 1...UInt64.max), digits: 16)
    }
}
