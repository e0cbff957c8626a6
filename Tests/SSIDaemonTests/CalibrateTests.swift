import Foundation
import Testing

/// `ssi-log calibrate` against the real daemon: refused without enough snapshots; with snapshots
/// that equal the local score, the fit changes nothing measurable; `--apply` writes the calibration
/// file beside the configuration and reloads.
@Suite struct CalibrateTests {
    @Test func calibrateRefusesThenFitsAndApplies() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/config.toml"
        try "[score]\ntimezone = \"Europe/Lisbon\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.setClock(1_764_579_900)  // 2025-12-01T09:05Z
        try daemon.start(arguments: ["--config", config])
        let early = try daemon.client(["calibrate"])
        #expect(early.status == 65)
        #expect(early.stderr.contains("0 snapshots recorded; at least 3"), "\(early.stderr)")
        // Busy and quiet days, and a connection that moves a tally without activity.
        for day in [40, 39, 38, 30, 20, 19, 10, 9, 8, 2] {
            for action in ["comment", "comment", "like", "message"] {
                #expect(try daemon.client([action, "--at", "-\(day)d"]).status == 0)
            }
        }
        #expect(try daemon.client(["connection", "--at", "-15d", "--tag", "decision-maker"]).status == 0)
        // Snapshots that show exactly the local closing score of their day.
        let history = try daemon.client(["history", "--days", "40", "--json"]).json()
        let days = try #require(history["days"] as? [[String: Any]])
        for index in [3, 12, 21, 25, 33, 38] {
            let day = days[index]
            let pillars = try #require(day["pillars"] as? [String: Double])
            let total = Int((pillars.values.reduce(0, +)).rounded())
            let values = ["brand", "find", "engage", "relationships"].map { String(format: "%.2f", pillars[$0] ?? 0) }
            let date = try #require(day["date"] as? String)
            let run = try daemon.client(["snapshot", String(total)] + values + ["--at", "\(date)T23:59:59", "--json"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let fit = try daemon.client(["calibrate", "--json"])
        #expect(fit.status == 0, "\(fit.stderr)")
        let pillars = try #require(try fit.json()["pillars"] as? [[String: Any]])
        let engage = try #require(pillars.first { $0["pillar"] as? String == "engage" })
        #expect(engage["refusal"] is NSNull, "\(engage)")
        #expect((engage["error_after"] as? Double ?? 1) < 0.01)
        #expect(abs((engage["points_multiplier"] as? Double ?? 0) - 1) < 0.05)
        let brand = try #require(pillars.first { $0["pillar"] as? String == "brand" })
        #expect(brand["refusal"] as? String != nil, "no brand activity: nothing to tell apart")
        print("calibrate: \(try daemon.client(["calibrate"]).stdout)")
        let score = try daemon.client(["score", "--json"]).json()["total"] as? Double
        let apply = try daemon.client(["calibrate", "--apply"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let file = try String(contentsOfFile: daemon.directory + "/calibration.toml", encoding: .utf8)
        #expect(file.contains("[pillars.engage]") && file.contains("[actions.comment]"))
        #expect(!file.contains("[pillars.brand]"))
        let status = try daemon.client(["status", "--json"]).json()
        #expect((status["config"] as? String)?.hasSuffix("+ \(daemon.directory)/calibration.toml") == true)
        let after = try daemon.client(["score", "--json"]).json()["total"] as? Double
        #expect(abs((after ?? 0) - (score ?? 0)) < 0.1, "\(String(describing: score)) -> \(String(describing: after))")
    }
}
