import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started with `posix_spawn` and reaped with `waitpid` on its own pid: Foundation's
/// `Process` can miss the exit of children that end while many tests spawn in parallel.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var exitStatus: Int32?

    init(_ path: String, _ arguments: [String], environment: [String: String], stdout: Int32?, stderr: Int32?) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdout {
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        if let stderr {
            posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else {
            throw DaemonHarness.Failure(description: "cannot start \(path): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Blocks until the child exits; its exit code, or 128 + signal.
    @discardableResult
    func wait() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let code = Self.decode(status)
        exitStatus = code
        return code
    }

    /// The exit code if the child exits within `seconds`, else nil (it is left running).
    func wait(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning {
            if Date() > deadline { return nil }
            usleep(5000)
        }
        return wait()
    }

    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if exitStatus != nil { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = Self.decode(status)
            return false
        }
        return true
    }

    func signal(_ number: Int32) { kill(pid, number) }

    static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Runs a command to completion, capturing its output in files.
    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw DaemonHarness.Failure(description: "\(path) is missing: `make test` installs and builds it")
        }
        let out = try CapturedOutput()
        let err = try CapturedOutput()
        let child = try ChildProcess(
            path, arguments, environment: environment, stdout: out.handle.fileDescriptor,
            stderr: err.handle.fileDescriptor)
        let status = child.wait()
        return (status, out.text, err.text)
    }
}
