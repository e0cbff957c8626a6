#if canImport(Glibc)
    import Glibc
#endif

/// A Unix socket path as a `sockaddr_un`, checked against the kernel's limit (108 bytes with the
/// terminating NUL).
public enum SocketAddress {
    public struct TooLong: Error {
        public let reason = "socket path longer than 107 bytes"
    }

    public static func unix(_ path: String) throws(TooLong) -> sockaddr_un {
        var address = sockaddr_un()
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw TooLong() }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        return address
    }
}
