import CSystemd
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// Where the daemon listens: a socket systemd handed over, or a path it binds itself.
public enum ListenEndpoint: Sendable, Equatable {
    case activated(fd: Int32)
    case path(String)

    /// The socket passed by systemd socket activation (`LISTEN_FDS`, `LISTEN_PID`), if any.
    public static func fromActivation() throws(DaemonError) -> ListenEndpoint? {
        let count = sd_listen_fds(1)
        guard count > 0 else { return nil }
        let fd = SD_LISTEN_FDS_START
        guard sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0 else {
            throw .startup("socket activation passed fd \(fd), which is not a listening Unix stream socket")
        }
        return .activated(fd: fd)
    }

    /// Makes the socket's directory (0700) and removes a stale socket file left by a crashed daemon;
    /// a live daemon's socket is never taken over.
    static func prepare(path: String) throws(DaemonError) {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if let failure = DirectoryPath.makePrivate(directory) {
            throw .startup("cannot create \(failure.path): \(failure.reason)")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw .startup("\(path) exists and is not a socket: move it away or choose --socket")
        }
        if SocketProbe.isAccepting(path) {
            throw .alreadyRunning("another ssi-logd is already listening on \(path)")
        }
        unlink(path)
    }
}
