import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real `ssi-logd` binary on a temporary socket and state directory, with a real
/// `NOTIFY_SOCKET` datagram socket to wait on READY=1 (never on sleeps).
final class DaemonHarness: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var binDirectory: String {
        if let fromMake = ProcessInfo.processInfo.environment["SSI_LOG_BIN_DIR"] { return fromMake }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }

    static func binary(_ name: String) throws -> String {
        let path = binDirectory + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: run `swift build` first (make test does)")
        }
        return path
    }

    let directory: String
    var socketPath: String { directory + "/s.sock" }
    var stateDirectory: String { directory + "/state" }
    var journalPath: String { stateDirectory + "/journal.jsonl" }
    var clockFile: String { directory + "/clock" }
    let notify: NotifyListener
    var extraArguments: [String] = []
    var environment: [String: String] = [:]
    private(set) var process: ChildProcess?
    /// When the current daemon process was started: journal reads look no earlier.
    private(set) var startedAt = Date()
    private(set) var stderrCapture: CapturedOutput?

    init() throws {
        var template = Array("/tmp/ssiXXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        notify = try NotifyListener(path: directory + "/n.sock")
    }

    deinit {
        if let process, process.isRunning {
            // Under strace the daemon is strace's child, and a killed strace leaves it running.
            for child in Self.children(of: process.pid) { kill(child, SIGKILL) }
            process.signal(SIGKILL)
            process.wait()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts the daemon and returns once it sent READY=1.
    @discardableResult
    func start(
        arguments: [String] = [], waitForReady: Bool = true, strace: [String]? = nil, journalStreamStderr: Bool = false
    ) throws -> [String] {
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notify.path
        env["TZ"] = "Europe/Lisbon"
        env.removeValue(forKey: "LISTEN_FDS")
        env.removeValue(forKey: "LISTEN_PID")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (key, value) in environment { env[key] = value }
        let capture = try CapturedOutput()
        startedAt = Date()
        if journalStreamStderr {
            var info = stat()
            fstat(capture.handle.fileDescriptor, &info)
            env["JOURNAL_STREAM"] = "\(info.st_dev):\(info.st_ino)"
        }
        let arguments =
            ["--socket", socketPath, "--state-dir", stateDirectory, "--log-target", "stderr"] + extraArguments
            + arguments
        if let strace {
            // Fault injection: the daemon runs under strace, which fails the chosen system call.
            process = try ChildProcess(
                "/usr/bin/strace", ["-f", "-o", "/dev/null"] + strace + [try Self.binary("ssi-logd")] + arguments,
                environment: env, stdout: nil, stderr: capture.handle.fileDescriptor)
        } else {
            process = try ChildProcess(
                try Self.binary("ssi-logd"), arguments, environment: env, stdout: nil,
                stderr: capture.handle.fileDescriptor)
        }
        stderrCapture = capture
        guard waitForReady else { return [] }
        return try waitFor("READY=1")
    }

    /// Reads notifications until one contains `field`; fails loudly after `timeout` seconds.
    @discardableResult
    func waitFor(_ field: String, timeout: Double = 30) throws -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let message = notify.receive(timeout: 0.2) {
                seen.append(message)
                if message.split(separator: "\n").contains(where: { $0 == field }) { return seen }
            } else if let process, !process.isRunning {
                throw Failure(
                    description: "ssi-logd exited (\(process.wait())) before \(field): \(stderrText())")
            }
        }
        throw Failure(description: "no \(field) from ssi-logd within \(timeout) s; got \(seen)")
    }

    func stderrText() -> String {
        stderrCapture?.text ?? ""
    }

    /// SIGTERM, then waits for the exit; returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 {
        guard let process else { return -1 }
        process.signal(signal)
        return process.wait()
    }

    /// The direct children of a process, from `/proc/PID/task/*/children`.
    static func children(of pid: pid_t) -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [pid_t] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { pid_t($0) }
        }
    }

    func setClock(_ seconds: Int64) throws {
        try "\(seconds)\n".write(toFile: clockFile, atomically: true, encoding: .utf8)
        environment["SSI_LOG_CLOCK_FILE"] = clockFile
    }

    /// Runs the real `ssi-log` client against this daemon.
    func client(_ arguments: [String], socket: String? = nil) throws -> ClientRun {
        try ClientRun.run(arguments, socket: socket ?? socketPath, stateDirectory: stateDirectory)
    }

    func journalLines() throws -> [String] {
        try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

/// One run of the `ssi-log` binary.
struct ClientRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], socket: String, stateDirectory: String? = nil) throws -> ClientRun {
        var env = ProcessInfo.processInfo.environment
        env["SSI_LOG_SOCKET"] = socket
        if let stateDirectory { env["STATE_DIRECTORY"] = stateDirectory }
        let result = try ChildProcess.run(try DaemonHarness.binary("ssi-log"), arguments, environment: env)
        return ClientRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// The stdout parsed as one JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw DaemonHarness.Failure(description: "not a JSON object: \(stdout)")
        }
        return object
    }
}
