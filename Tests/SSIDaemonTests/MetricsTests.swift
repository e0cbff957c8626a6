import Foundation
import Testing

/// The Prometheus text file kept by the real daemon, checked by Debian's promtool; and the shipped
/// alert rules with their unit tests.
@Suite struct MetricsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let promtool = "/usr/bin/promtool"

    func requirePromtool() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.promtool) else {
            throw DaemonHarness.Failure(description: "\(Self.promtool) is missing: `make test` installs prometheus")
        }
    }

    /// Waits until the file holds `text` (the daemon writes it after changes, at most every second here).
    func waitFor(_ text: String, in path: String) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let content = try? String(contentsOfFile: path, encoding: .utf8), content.contains(text) {
                return content
            }
            usleep(20_000)
        }
        throw DaemonHarness.Failure(description: "\(path) never held \(text)")
    }

    @Test func theDaemonKeepsAValidMetricsFileWithTheScoreAndCounters() throws {
        try requirePromtool()
        let daemon = try DaemonHarness()
        let metrics = daemon.directory + "/textfile/ssi-log-ana.prom"
        try FileManager.default.createDirectory(
            atPath: daemon.directory + "/textfile", withIntermediateDirectories: true)
        let config = daemon.directory + "/config.toml"
        try "[metrics]\ntextfile = \"\(metrics)\"\nuser = \"ana\"\ninterval_seconds = 1\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", config])
        _ = try waitFor("ssi_build_info", in: metrics)
        // Backdated comments, the newest of them logged second; then a like, undone.
        #expect(try daemon.client(["comment", "--at", "2h ago"]).status == 0)
        let newest = try daemon.client(["comment", "--at", "1h ago", "--json"]).json()["occurred"] as? String
        let newestSeconds = try #require(newest.flatMap { ISO8601DateFormatter().date(from: $0) }).timeIntervalSince1970
        #expect(try daemon.client(["comment", "--at", "3h ago"]).status == 0)
        #expect(try daemon.client(["like"]).status == 0)
        #expect(try daemon.client(["undo"]).status == 0)
        #expect(try daemon.client(["snapshot", "30", "8", "6", "7", "9"]).status == 0)
        let text = try waitFor("ssi_linkedin_score{user=\"ana\"} 30", in: metrics)
        #expect(text.contains(#"ssi_actions_logged_total{user="ana",action="comment"} 3"#))
        #expect(text.contains(#"ssi_actions_logged_total{user="ana",action="like"} 1"#))
        #expect(text.contains(#"ssi_actions_undone_total{user="ana",action="like"} 1"#))
        // The like was undone: the newest action that counts is the comment that happened last.
        #expect(text.contains("ssi_last_action_timestamp_seconds{user=\"ana\"} \(Int(newestSeconds))\n"), "\(text)")
        #expect(text.contains(#"ssi_linkedin_pillar_score{user="ana",pillar="relationships"} 9.000"#))
        let score = try #require(try daemon.client(["score", "--json"]).json()["total"] as? Double)
        #expect(text.contains("ssi_score{user=\"ana\"} \(String(format: "%.2f", score))"), "\(text)")
        let check = try Tool.run("/bin/sh", ["-c", "\(Self.promtool) check metrics < \(metrics)"])
        #expect(check.status == 0 && check.stdout.isEmpty && check.stderr.isEmpty, "\(check.stdout)\(check.stderr)")
        var info = stat()
        #expect(stat(metrics, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o644, "node_exporter, another user, must read it")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: daemon.directory + "/textfile")
        #expect(leftovers == ["ssi-log-ana.prom"], "temporary files left: \(leftovers)")
    }

    @Test func theShippedRulesCheckAndPassTheirUnitTests() throws {
        try requirePromtool()
        let directory = Self.root.appendingPathComponent("config/prometheus").path
        let check = try Tool.run(Self.promtool, ["check", "rules", directory + "/ssi-log.rules.yml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("SUCCESS: 3 rules found"))
        let test = try Tool.run(
            "/bin/sh", ["-c", "cd \(directory) && \(Self.promtool) test rules ssi-log.rules.test.yml"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("SUCCESS"))
    }
}
