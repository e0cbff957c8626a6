/// CRC-32C (Castagnoli), the checksum of each journal record: any single changed byte, and any
/// burst of up to 32 bits, changes it.
public enum CRC32C {
    /// Eight 256-entry tables, flat: slice `k` starts at `k * 256`.
    private static let table: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[index] = crc
        }
        for index in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The checksum of a byte sequence; `checksum("123456789") == 0xE3069283`.
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        bytes.withContiguousStorageIfAvailable { checksum(buffer: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { checksum(buffer: $0) }
    }

    /// The checksum of bytes that follow those whose checksum is `previous`: a file checked a
    /// piece at a time, `checksum(buffer: b, continuing: checksum(a)) == checksum(a + b)`.
    public static func checksum(buffer: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        table.withUnsafeBufferPointer { t in
            var crc: UInt32 = previous ^ 0xFFFF_FFFF
            var index = 0
            let count = buffer.count
            // Slicing by 8: eight table look-ups per eight bytes.
            while index + 8 <= count {
                let low = crc ^ buffer.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let high = buffer.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc =
                    t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt32(buffer[index])) & 0xFF)]
                index += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }
}
