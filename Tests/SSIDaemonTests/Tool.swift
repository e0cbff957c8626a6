import Foundation

/// Runs a system tool (journalctl, systemd-analyze, …) and collects its output.
struct Tool {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Tool {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let result = try ChildProcess.run(path, arguments, environment: env)
        return Tool(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
