/// CRC-32C (Castagnoli), the checksum of each journal record: any single changed byte, and any
/// burst of up to 32 bits, changes it.
public enum CRC32C {
    private static let table: [[UInt32]] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[0][index] = crc
        }
        for index in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[slice - 1][index]
                tables[slice][index] = (previous >> 8) ^ tables[0][Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The checksum of a byte sequence; `checksum("123456789") == 0xE3069283`.
    public static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        bytes.withContiguousStorageIfAvailable { checksum(buffer: UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { checksum(buffer: $0) }
    }

    static func checksum(buffer: UnsafeRawBufferPointer) -> UInt32 {
        let t = table
        var crc: UInt32 = 0xFFFF_FFFF
        var index = 0
        let count = buffer.count
        // Slicing by 8: one table look-up per byte, eight bytes per step.
        while index + 8 <= count {
            let low =
                crc
                ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
                    | UInt32(buffer[index + 3]) << 24)
            let high =
                UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8 | UInt32(buffer[index + 6]) << 16
                | UInt32(buffer[index + 7]) << 24
            crc =
                t[7][Int(low & 0xFF)] ^ t[6][Int((low >> 8) & 0xFF)] ^ t[5][Int((low >> 16) & 0xFF)]
                ^ t[4][Int(low >> 24)] ^ t[3][Int(high & 0xFF)] ^ t[2][Int((high >> 8) & 0xFF)]
                ^ t[1][Int((high >> 16) & 0xFF)] ^ t[0][Int(high >> 24)]
            index += 8
        }
        while index < count {
            crc = (crc >> 8) ^ t[0][Int((crc ^ UInt32(buffer[index])) & 0xFF)]
            index += 1
        }
        return crc ^ 0xFFFF_FFFF
    }
}
