import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// Connecting to a Unix stream socket by path, shared by the client and the daemon's check for a
/// live socket before it replaces a stale one.
public enum UnixSocket {
    /// Why a connection could not be made: the message from `strerror`.
    public struct Failure: Error {
        public let reason: String
    }

    /// A connected, close-on-exec stream socket, or why not.
    public static func connect(path: String) -> Result<Int32, Failure> {
        var address: sockaddr_un
        do throws(SocketAddress.TooLong) {
            address = try SocketAddress.unix(path)
        } catch {
            return .failure(Failure(reason: error.reason))
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            return .failure(Failure(reason: reason))
        }
        return .success(fd)
    }
}
