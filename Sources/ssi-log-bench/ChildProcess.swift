import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Programs the benchmark starts: spawned directly (no shell), output to /dev/null unless asked.
enum ChildProcess {
    /// Starts a program; `environment` is added to the benchmark's own.
    static func spawn(_ path: String, _ arguments: [String], environment: [String] = [], output: String = "/dev/null")
        -> pid_t
    {
        var pid: pid_t = 0
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let inherited = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp = (inherited + environment).map { strdup($0) } + [nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let status = posix_spawnp(&pid, path, &actions, nil, argv, envp)
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
        envp.forEach { free($0) }
        if status != 0 { Benchmark.fail("cannot start \(path): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Waits for a child and returns its exit status (-1 when killed by a signal).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    /// Runs a program to its end and fails the benchmark when it does not exit 0.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], environment: [String] = [], output: String = "/dev/null")
        -> Double
    {
        let start = Clock.now()
        let status = wait(spawn(path, arguments, environment: environment, output: output))
        let elapsed = Clock.now() - start
        if status != 0 { Benchmark.fail("\(path) \(arguments.joined(separator: " ")) exited \(status)") }
        return elapsed
    }

    /// Wall seconds of one run to its end, `rounds` times; the median.
    static func median(rounds: Int, _ path: String, _ arguments: [String], environment: [String] = []) -> Double {
        Statistics.median((0..<rounds).map { _ in run(path, arguments, environment: environment) })
    }
}
