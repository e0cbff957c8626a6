import SSIProtocol
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// One connection that logs one action at a time and waits for each durable acknowledgement, as a
/// script logging in a loop does.
struct LoopClient {
    let fd: Int32
    let name: String

    init(socketPath: String, name: String) {
        guard case .success(let fd) = UnixSocket.connect(path: socketPath) else {
            Benchmark.fail("cannot connect to \(socketPath)")
        }
        self.fd = fd
        self.name = name
    }

    /// Logs `count` actions, each acknowledged before the next is sent.
    func logSequentially(_ count: Int) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for index in 0..<count {
            let request = Request(
                id: "\(name)-\(index)-\(Hex.randomID())",
                operation: .log(LogRequest(action: "like")))
            var line = Array(request.encoded().utf8)
            line.append(10)
            guard send(fd, line, line.count, Int32(MSG_NOSIGNAL)) == line.count else {
                Benchmark.fail("cannot send to the daemon")
            }
            var answer: [UInt8] = []
            while answer.last != 10 {
                let got = recv(fd, &buffer, buffer.count, 0)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { Benchmark.fail("the daemon closed the connection") }
                answer += buffer[0..<got]
            }
            if String(decoding: answer, as: UTF8.self).contains("\"error\"") {
                Benchmark.fail("a log was refused: \(String(decoding: answer, as: UTF8.self))")
            }
        }
    }

    func close() { _ = Glibc.close(fd) }
}
