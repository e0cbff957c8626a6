import Foundation

/// Reads entries back from the real systemd-journald with `journalctl -o json`.
enum JournalReader {
    static func requireJournald() throws {
        guard FileManager.default.fileExists(atPath: "/run/systemd/journal/socket") else {
            throw DaemonHarness.Failure(
                description: "systemd-journald is not running (no /run/systemd/journal/socket): `make test` starts it")
        }
    }

    static func entries(_ matches: [String]) throws -> [[String: Any]] {
        let tool = try Tool.run("/usr/bin/journalctl", ["-o", "json", "--no-pager", "--all"] + matches)
        return tool.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits until at least `count` entries match; fails loudly after `timeout` seconds.
    static func waitFor(_ matches: [String], count: Int = 1, timeout: Double = 15) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(timeout)
        var found: [[String: Any]] = []
        while Date() < deadline {
            found = try entries(matches)
            if found.count >= count { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DaemonHarness.Failure(description: "journalctl found \(found.count) of \(count) entries for \(matches)")
    }
}
