import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real `ssi-logd` on a state directory (or the C group-commit server on a file), started as
/// systemd would: the time from exec to the `READY=1` it sends on a `NOTIFY_SOCKET` datagram socket
/// is the start-up figure.
final class DaemonRun {
    let program: String
    let pid: pid_t
    /// The `NOTIFY_SOCKET` it sends to, open for its life: `RELOADING=1` and `READY=1` around a reload.
    private let notify: Int32
    private let notifyPath: String
    let socketPath: String
    let environment: [String]
    /// Seconds from spawn to READY=1.
    private(set) var startSeconds: Double = 0

    convenience init(binary: String, stateDirectory: String, runDirectory: String) {
        self.init(
            program: binary, runDirectory: runDirectory,
            arguments: { _ in ["--state-dir", stateDirectory, "--log-target", "stderr"] })
    }

    /// Starts `program` with the arguments made for the socket it is to listen on; waits for READY=1.
    init(program: String, runDirectory: String, arguments: (_ socketPath: String) -> [String]) {
        self.program = program
        socketPath = runDirectory + "/s.sock"
        let notifyPath = runDirectory + "/n.sock"
        unlink(socketPath)
        unlink(notifyPath)
        let notify = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in notifyPath.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(notify, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if bound != 0 { Benchmark.fail("cannot bind \(notifyPath): \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 300, tv_usec: 0)
        setsockopt(notify, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.notify = notify
        self.notifyPath = notifyPath
        environment = ["SSI_LOG_SOCKET=\(socketPath)", "XDG_CONFIG_HOME=\(runDirectory)/config"]
        let start = Clock.now()
        pid = ChildProcess.spawn(
            program, arguments(socketPath),
            environment: environment + ["NOTIFY_SOCKET=\(notifyPath)"])
        waitForNotification("READY=1")
        startSeconds = Clock.now() - start
    }

    /// Waits for a datagram with `line` (`READY=1`, `RELOADING=1`) among its lines.
    func waitForNotification(_ line: String) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(notify, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                // Not left running: a daemon still replaying would skew every later measurement.
                kill(pid, SIGKILL)
                Benchmark.fail("\(program) sent no \(line) (\(String(cString: strerror(errno))))")
            }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            if text.split(separator: "\n").contains(Substring(line)) { return }
        }
    }

    /// Resident memory of the daemon now, in MiB.
    var residentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kib = Double(line.filter(\.isNumber))
        else { Benchmark.fail("cannot read the daemon's VmRSS") }
        return kib / 1024
    }

    func stop() {
        defer {
            close(notify)
            unlink(notifyPath)
        }
        kill(pid, SIGTERM)
        let status = ChildProcess.wait(pid)
        if status != 0 { Benchmark.fail("\(program) exited \(status) on SIGTERM") }
    }
}
