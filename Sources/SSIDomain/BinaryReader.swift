/// Reads what `BinaryWriter` wrote; any malformed or truncated input throws instead of trapping,
/// since a damaged image must be refused, never trusted.
public struct BinaryReader {
    /// The input ended early or held an impossible value.
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    private let bytes: [UInt8]
    /// Where reading stops: the end of the array, or of the part of it given (no copy of the rest).
    private let end: Int
    public private(set) var position: Int

    public init(_ bytes: [UInt8], from position: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = position
    }

    public var isAtEnd: Bool { position == end }

    public mutating func readUInt64() throws(Malformed) -> UInt64 {
        // A checkpoint is mostly these numbers: read over the buffer, one bounds check per number.
        let (value, next) = bytes.withUnsafeBufferPointer { buffer -> (UInt64, Int) in
            var value: UInt64 = 0
            var shift: UInt64 = 0
            var index = position
            while index < end, shift < 64 {
                let byte = buffer[index]
                index += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return (value, index) }
                shift += 7
            }
            return (0, index < end ? -1 : -2)
        }
        guard next >= 0 else { throw Malformed(next == -1 ? "a number longer than 64 bits" : "ends inside a number") }
        position = next
        return value
    }

    public mutating func readInt64() throws(Malformed) -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    public mutating func readInt() throws(Malformed) -> Int { Int(try readInt64()) }

    /// A count of things to follow, bounded by the bytes left (each takes at least one).
    public mutating func readCount() throws(Malformed) -> Int {
        let count = try readInt64()
        guard count >= 0, count <= Int64(end - position) else {
            throw Malformed("a count of \(count) past the end")
        }
        return Int(count)
    }

    public mutating func readBool() throws(Malformed) -> Bool {
        guard position < end else { throw Malformed("ends inside a flag") }
        defer { position += 1 }
        switch bytes[position] {
        case 0: return false
        case 1: return true
        default: throw Malformed("a flag that is neither 0 nor 1")
        }
    }

    public mutating func readDouble() throws(Malformed) -> Double { Double(bitPattern: try readUInt64()) }

    public mutating func readString() throws(Malformed) -> String {
        let length = try readUInt64()
        guard length <= UInt64(end - position) else { throw Malformed("a string past the end") }
        let count = Int(length)
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    /// A string as `readString` reads it, except that 16 lowercase hex digits (an id as ssi-logd
    /// makes it) come back as their value, and no string is made for them.
    mutating func readHexValueOrString() throws(Malformed) -> (hexValue: UInt64?, text: String?) {
        let length = try readUInt64()
        guard length <= UInt64(end - position) else { throw Malformed("a string past the end") }
        let count = Int(length)
        defer { position += count }
        let start = position
        if count == 16,
            let value = bytes.withUnsafeBufferPointer({
                EventPlaces.hexValue(digits: UnsafeBufferPointer(rebasing: $0[start..<start + 16]))
            })
        {
            return (value, nil)
        }
        return (nil, String(decoding: bytes[start..<start + count], as: UTF8.self))
    }

    public mutating func readOptionalString() throws(Malformed) -> String? {
        try readBool() ? try readString() : nil
    }

    public mutating func readOptionalInt64() throws(Malformed) -> Int64? {
        try readBool() ? try readInt64() : nil
    }

    public mutating func readStrings() throws(Malformed) -> [String] {
        var values: [String] = []
        try readEach { (reader: inout BinaryReader) throws(Malformed) in values.append(try reader.readString()) }
        return values
    }

    /// A list written with `write(each:_:)`, as a table by each element's key.
    public mutating func readTable<Value>(
        keyedBy key: (Value) -> String, _ read: (inout BinaryReader) throws(Malformed) -> Value
    ) throws(Malformed) -> [String: Value] {
        var table: [String: Value] = [:]
        try readEach { (reader: inout BinaryReader) throws(Malformed) in
            let value = try read(&reader)
            table[key(value)] = value
        }
        return table
    }

    /// Reads what `BinaryWriter.write(each:_:)` wrote: a count, then `body` once per element.
    public mutating func readEach(_ body: (inout BinaryReader) throws(Malformed) -> Void) throws(Malformed) {
        try readEach(reserving: { _ in }, body)
    }

    /// `readEach`, telling `reserve` the count first: lists of a checkpoint are sized once, not grown
    /// by doubling (half empty on average: megabytes at a million events).
    public mutating func readEach(
        reserving reserve: (Int) -> Void, _ body: (inout BinaryReader) throws(Malformed) -> Void
    ) throws(Malformed) {
        let count = try readCount()
        reserve(count)
        for _ in 0..<count { try body(&self) }
    }

    public mutating func readFixed() throws(Malformed) -> UInt64 {
        guard end - position >= 8 else { throw Malformed("ends inside a fixed word") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << UInt64(index * 8) }
        position += 8
        return value
    }
}
