import Foundation
import Testing

/// Two daemons' metrics through the engines a team already runs, on loopback only: a real
/// node_exporter serves both files, a real Prometheus scrapes it every second with the shipped
/// rules, answers both users' engage pillar through its HTTP API, and fires SSIScoreDropped when one
/// user's score falls.
@Suite(.serialized) struct TeamEnginesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let tools = ["/usr/bin/prometheus-node-exporter", "/usr/bin/prometheus", "/usr/bin/curl"]

    /// A free loopback port: bind to port 0 and read what the kernel chose.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw DaemonHarness.Failure(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func get(_ url: String) throws -> [String: Any]? {
        let run = try Tool.run("/usr/bin/curl", ["-s", "--max-time", "2", url])
        guard run.status == 0 else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    }

    static func waitUntil(_ what: String, seconds: Double = 30, _ check: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try check() { return }
            usleep(250_000)
        }
        throw DaemonHarness.Failure(description: "timed out waiting for \(what)")
    }

    func daemon(user: String, textfiles: String) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/config.toml"
        try "[metrics]\ntextfile = \"\(textfiles)/ssi-log-\(user).prom\"\nuser = \"\(user)\"\ninterval_seconds = 1\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", config])
        return daemon
    }

    @Test func prometheusScrapesBothUsersAndFiresTheDropRule() throws {
        for tool in Self.tools where !FileManager.default.isExecutableFile(atPath: tool) {
            throw DaemonHarness.Failure(description: "\(tool) is missing: `make test` installs it")
        }
        var template = Array("/tmp/ssitXXXXXX".utf8CString)
        let work = String(cString: mkdtemp(&template))
        defer { try? FileManager.default.removeItem(atPath: work) }
        let textfiles = work + "/textfile"
        try FileManager.default.createDirectory(atPath: textfiles, withIntermediateDirectories: true)
        let ana = try daemon(user: "ana", textfiles: textfiles)
        let ben = try daemon(user: "ben", textfiles: textfiles)
        #expect(try ben.client(["comment"]).status == 0)
        var articles: [String] = []
        // One article a day counts (its daily cap): three days' worth.
        for day in 0..<3 {
            articles.append(
                try #require(try ana.client(["article", "--at", "-\(day)d", "--json"]).json()["id"] as? String))
        }
        #expect(try ana.client(["comment"]).status == 0)

        let exporterPort = try Self.freePort()
        let exporter = try ChildProcess(
            "/usr/bin/prometheus-node-exporter",
            [
                "--web.listen-address=127.0.0.1:\(exporterPort)", "--collector.disable-defaults",
                "--collector.textfile", "--collector.textfile.directory=\(textfiles)",
            ], environment: [:], stdout: nil, stderr: nil)
        defer {
            exporter.signal(SIGTERM)
            _ = exporter.wait(seconds: 10)
        }
        let prometheusPort = try Self.freePort()
        let rules = Self.root.appendingPathComponent("config/prometheus/ssi-log.rules.yml").path
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files:
          - \(rules)
        scrape_configs:
          - job_name: node
            static_configs:
              - targets: ["127.0.0.1:\(exporterPort)"]

        """.write(toFile: work + "/prometheus.yml", atomically: true, encoding: .utf8)
        let prometheus = try ChildProcess(
            "/usr/bin/prometheus",
            [
                "--config.file=\(work)/prometheus.yml", "--storage.tsdb.path=\(work)/data",
                "--web.listen-address=127.0.0.1:\(prometheusPort)", "--log.level=warn",
            ], environment: [:], stdout: nil, stderr: nil)
        defer {
            prometheus.signal(SIGTERM)
            _ = prometheus.wait(seconds: 20)
        }
        let api = "http://127.0.0.1:\(prometheusPort)/api/v1"

        // Both users' engage pillar, as each daemon computes it.
        var engage: [String: String] = [:]
        try Self.waitUntil("both users in Prometheus") {
            let answer = try Self.get(api + "/query?query=ssi_pillar_score%7Bpillar%3D%22engage%22%7D")
            let results = ((answer?["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
            engage = [:]
            for result in results {
                guard let user = (result["metric"] as? [String: String])?["user"],
                    let value = (result["value"] as? [Any])?.last as? String
                else { continue }
                engage[user] = value
            }
            return engage.count == 2
        }
        for (user, daemon) in [("ana", ana), ("ben", ben)] {
            let local = try #require(
                (try daemon.client(["score", "--json"]).json()["pillars"] as? [String: Any])?["engage"] as? Double)
            #expect(
                Double(engage[user] ?? "") == local, "\(user): Prometheus \(engage[user] ?? "none"), daemon \(local)")
        }
        print("prometheus: engage pillar per user \(engage)")

        // ana's articles undone: her total falls far below its best of the day; the rule fires.
        for id in articles { #expect(try ana.client(["undo", id]).status == 0) }
        var firing: [[String: Any]] = []
        try Self.waitUntil("SSIScoreDropped firing for ana") {
            let alerts =
                ((try Self.get(api + "/alerts"))?["data"] as? [String: Any])?["alerts"] as? [[String: Any]] ?? []
            firing = alerts.filter {
                ($0["labels"] as? [String: String])?["alertname"] == "SSIScoreDropped"
                    && $0["state"] as? String == "firing"
            }
            return !firing.isEmpty
        }
        #expect(firing.count == 1)
        #expect((firing.first?["labels"] as? [String: String])?["user"] == "ana")
    }
}
