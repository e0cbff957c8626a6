/// A compact byte encoding for state images (the daemon's checkpoint): LEB128 varints, zigzag for
/// signed values, length-prefixed strings. Pure: the bytes go wherever the caller puts them.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func write(_ value: Int64) { write(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    public mutating func write(_ value: Int) { write(Int64(value)) }
    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int64?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [String]) {
        write(each: values) { $0.write($1) }
    }

    /// A count, then each element as `body` writes it: every list and table of an image.
    public mutating func write<Elements: Collection>(
        each elements: Elements, _ body: (inout BinaryWriter, Elements.Element) -> Void
    ) {
        write(elements.count)
        for element in elements { body(&self, element) }
    }

    /// `count`, then each element as `body` writes it, for a sequence that knows its count cheaper
    /// than by walking it.
    public mutating func write<Elements: Sequence>(
        count: Int, each elements: Elements, _ body: (inout BinaryWriter, Elements.Element) -> Void
    ) {
        write(count)
        var written = 0
        for element in elements {
            body(&self, element)
            written += 1
        }
        precondition(written == count, "a list of \(count) had \(written) elements")
    }

    /// A fixed-width little-endian word: for fields read before the rest (headers, checksums).
    public mutating func writeFixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    public mutating func append(_ raw: [UInt8]) { bytes += raw }
}
