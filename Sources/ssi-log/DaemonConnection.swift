import SSIJSON
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking connection to the daemon's socket: the client is short-lived, so it needs no event
/// loop. One request at a time (`exchange`), or many in flight (`send` ahead, `receive` in order),
/// which the daemon group-commits.
final class DaemonConnection {
    enum Failure: Error {
        /// Nothing listens at the path: exit 69 with how to start the daemon.
        case unreachable(path: String, reason: String)
        case io(String)
    }

    let path: String
    private let fd: Int32
    private var buffered: [UInt8] = []
    /// Set when a send failed: the daemon may have refused the connection and answered first.
    private var sendFailure: String?

    init(path: String) throws(Failure) {
        self.path = path
        switch UnixSocket.connect(path: path) {
        case .success(let fd): self.fd = fd
        case .failure(let failure): throw .unreachable(path: path, reason: failure.reason)
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(fd) }

    /// Sends one request line and reads one response line.
    func exchange(_ request: Request) throws(Failure) -> JSONValue {
        send(request)
        return try receive()
    }

    /// Sends a request line without waiting for its answer. A daemon that refuses the connection
    /// (another user, too many clients) answers and closes before reading: a failed send is
    /// remembered and reported only if no answer can be read.
    func send(_ request: Request) {
        guard sendFailure == nil else { return }
        var line = Array(request.encoded().utf8)
        line.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < line.count {
            let count = line.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, line.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                sendFailure = "cannot send to ssi-logd: \(String(cString: strerror(errno)))"
                return
            }
            sent += count
        }
    }

    /// The next response line, in request order.
    func receive() throws(Failure) -> JSONValue {
        // An answer is a few hundred bytes; a longer one (history, export) takes more reads. A large
        // buffer would cost a quick entry a page fault per 4 KiB it zeroes.
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !buffered.contains(UInt8(ascii: "\n")) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw .io(
                    sendFailure
                        ?? (count == 0
                            ? "ssi-logd closed the connection"
                            : "cannot read from ssi-logd: \(String(cString: strerror(errno)))"))
            }
            buffered += chunk[0..<count]
        }
        let end = buffered.firstIndex(of: UInt8(ascii: "\n"))!
        defer { buffered.removeSubrange(0...end) }
        do {
            return try JSONParser.parse(buffered[0..<end], maxDepth: 64)
        } catch {
            throw .io("unreadable response from ssi-logd: \(error)")
        }
    }
}
