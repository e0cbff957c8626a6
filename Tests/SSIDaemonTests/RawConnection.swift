import Foundation
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// A plain stream connection to the daemon for protocol-level tests.
final class RawConnection: @unchecked Sendable {
    let fd: Int32

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = try SocketAddress.unix(path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw DaemonHarness.Failure(description: "connect \(path): \(String(cString: strerror(errno)))")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else {
                throw DaemonHarness.Failure(description: "send: \(String(cString: strerror(errno)))")
            }
            sent += count
        }
    }

    private var buffered: [UInt8] = []

    /// The next response line, or nil when the daemon closed the connection.
    func readLine() throws -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[0..<newline], as: UTF8.self)
                buffered.removeSubrange(0...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 { return nil }
            guard count > 0 else {
                throw DaemonHarness.Failure(description: "recv: \(String(cString: strerror(errno)))")
            }
            buffered += chunk[0..<count]
        }
    }

    func request(_ line: String) throws -> [String: Any] {
        try send(line + "\n")
        guard let response = try readLine() else { throw DaemonHarness.Failure(description: "connection closed") }
        return try JSONSerialization.jsonObject(with: Data(response.utf8)) as! [String: Any]
    }
}
