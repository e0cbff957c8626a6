import Foundation
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// A test `NOTIFY_SOCKET`: an AF_UNIX datagram socket that collects what `sd_notify` sends.
final class NotifyListener: @unchecked Sendable {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw DaemonHarness.Failure(description: "socket: \(errno)") }
        var address = try SocketAddress.unix(path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw DaemonHarness.Failure(description: "bind \(path): \(errno)") }
    }

    deinit { close(fd) }

    /// One datagram, or nil after `timeout` seconds.
    func receive(timeout: Double) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    /// Everything that arrives within `timeout` seconds.
    func drain(timeout: Double) -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: timeout) { messages.append(message) }
        return messages
    }
}
