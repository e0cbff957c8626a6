import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Sends one journal entry as an iovec per `FIELD=value`: values may hold newlines without
/// forging fields, because each iovec is one whole field.
public enum JournaldSender {
    @discardableResult
    public static func send(_ fields: [String]) -> Int32 {
        let encoded = fields.map { Array($0.utf8) }
        let total = encoded.reduce(0) { $0 + $1.count }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, total), alignment: 1)
        defer { storage.deallocate() }
        var vectors: [iovec] = []
        vectors.reserveCapacity(encoded.count)
        var offset = 0
        for field in encoded {
            let start = storage.baseAddress! + offset
            field.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            vectors.append(iovec(iov_base: start, iov_len: field.count))
            offset += field.count
        }
        return sd_journal_sendv(vectors, Int32(vectors.count))
    }
}
