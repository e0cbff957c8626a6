import Foundation

/// Reads entries back from the real systemd-journald with `journalctl -o json`.
enum JournaldReader {
    /// Fails loudly unless a live systemd-journald serves the journal sockets. A socket file left
    /// in /run by a journald that has gone does not count, so this connects (`systemd-cat`).
    static func requireJournald() throws {
        let probe = try Tool.run("/usr/bin/systemd-cat", ["-t", "ssi-log-tests", "true"])
        guard probe.status == 0 else {
            throw DaemonHarness.Failure(
                description:
                    "systemd-journald is not serving /run/systemd/journal (\(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines))): "
                    + "`make journald` starts it")
        }
    }

    /// Entries matching all `matches`, written since `since` (process ids are reused across runs).
    static func entries(_ matches: [String], since: Date? = nil) throws -> [[String: Any]] {
        let window = since.map { ["--since=@\(Int($0.timeIntervalSince1970) - 1)"] } ?? []
        let tool = try Tool.run("/usr/bin/journalctl", ["-o", "json", "--no-pager", "--all"] + window + matches)
        return tool.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits until at least `count` entries match; fails loudly after `timeout` seconds.
    static func waitFor(
        _ matches: [String], since: Date? = nil, count: Int = 1, timeout: Double = 15
    ) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        var found: [[String: Any]] = []
        while Date() < deadline {
            found = try entries(matches, since: since)
            if found.count >= count { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DaemonHarness.Failure(description: "journalctl found \(found.count) of \(count) entries for \(matches)")
    }
}
