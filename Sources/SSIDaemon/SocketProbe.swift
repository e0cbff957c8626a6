import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// Tells a live socket from a stale file by trying to connect.
enum SocketProbe {
    static func isAccepting(_ path: String) -> Bool {
        guard case .success(let fd) = UnixSocket.connect(path: path) else { return false }
        close(fd)
        return true
    }
}
