import Foundation
import Testing

/// Score-drop alerts and event entries against a real systemd-journald, read back with
/// `journalctl -o json`.
@Suite(.serialized) struct AlertJournalTests {
    static let alertID = "cba65c0b073e4dcab9e98a86cdcf159d"
    static let eventID = "3b7fab1ca39a4955b9e7cdb58d1395ac"
    /// 2026-11-29 12:00 in Lisbon.
    static let noon: Int64 = 1_764_417_600

    func daemon(quietHours: String = "", clock: Int64 = noon) throws -> DaemonHarness {
        try JournaldReader.requireJournald()
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/alerts.toml"
        try "[score]\ntimezone = \"Europe/Lisbon\"\n[alerts]\nquiet_hours = \"\(quietHours)\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        daemon.extraArguments = ["--config", config]
        try daemon.setClock(clock)
        try daemon.start()
        return daemon
    }

    /// Logs a `like` and waits for its entry: everything the daemon sent before is then readable.
    func barrier(_ daemon: DaemonHarness) throws {
        let id = try #require(try daemon.client(["like", "--json"]).json()["id"] as? String)
        _ = try JournaldReader.waitFor(["SSI_EVENT_ID=\(id)"])
    }

    static let weeklyID = "0b39a620bee04d769da1f06aa239dcb6"

    /// Monday 09:05 in Lisbon: the weekly word about the week before is due (weekly_day monday,
    /// weekly_hour 9); it is sent at start, once, and never again after a restart.
    @Test func theWeeklyWordIsSentOnceAWeekEvenAcrossRestarts() throws {
        let monday: Int64 = 1_764_579_900  // 2025-12-01T09:05:00Z, 09:05 in Lisbon
        let daemon = try daemon(clock: monday - 3 * 86_400)
        #expect(try daemon.client(["comment", "--at", "-1d"]).status == 0)
        #expect(try daemon.client(["like"]).status == 0)
        #expect(daemon.stop() == 0)
        try daemon.setClock(monday)
        try daemon.start()
        try barrier(daemon)
        let words = try JournaldReader.entries(
            ["MESSAGE_ID=\(Self.weeklyID)", "_PID=\(daemon.process!.pid)"], since: daemon.startedAt)
        #expect(words.count == 1)
        let word = try #require(words.first)
        #expect(word["PRIORITY"] as? String == "5")
        #expect(word["SSI_WEEK"] as? String == "2025-W48")
        #expect(word["SSI_SCORE"] != nil && word["SSI_WEEK_DELTA"] != nil && word["SSI_PILLAR"] != nil)
        #expect((word["MESSAGE"] as? String)?.hasPrefix("Week 2025-W48: SSI ") == true)
        // `ssi-log week` prints the same for that week.
        let week = try daemon.client(["week", "--json"]).json()
        #expect(week["week"] as? String == "2025-W48")
        #expect(week["message"] as? String == word["MESSAGE"] as? String)
        #expect(try daemon.client(["week", "--week", "2025-W47"]).stdout.hasPrefix("Week 2025-W47: SSI "))
        #expect(try daemon.client(["week", "--week", "2026-W99"]).status == 65)
        // A restart in the same week sends nothing again.
        #expect(daemon.stop() == 0)
        try daemon.setClock(monday + 3600)
        try daemon.start()
        try barrier(daemon)
        let again = try JournaldReader.entries(
            ["MESSAGE_ID=\(Self.weeklyID)", "_PID=\(daemon.process!.pid)"], since: daemon.startedAt)
        #expect(again.isEmpty)
        #expect(try String(contentsOfFile: daemon.stateDirectory + "/weekly-sent", encoding: .utf8) == "2025-W48\n")
    }

    func alerts(_ daemon: DaemonHarness) throws -> [[String: Any]] {
        try JournaldReader.entries(
            ["MESSAGE_ID=\(Self.alertID)", "_PID=\(daemon.process!.pid)"], since: daemon.startedAt)
    }

    @Test func anUndoThatDropsTheScoreAlertsExactlyOnceWithEveryField() throws {
        let daemon = try daemon()
        let article = try #require(try daemon.client(["article", "--json"]).json()["id"] as? String)
        #expect(try daemon.client(["undo", article]).status == 0)
        try barrier(daemon)
        let found = try alerts(daemon)
        #expect(found.count == 1)
        let alert = try #require(found.first)
        #expect(alert["PRIORITY"] as? String == "4")
        #expect(alert["SYSLOG_IDENTIFIER"] as? String == "ssi-logd")
        #expect(alert["SSI_PILLAR"] as? String == "total")
        for field in ["SSI_SCORE", "SSI_PREVIOUS_SCORE", "SSI_DELTA", "CODE_FILE", "CODE_LINE", "CODE_FUNC"] {
            #expect(alert[field] != nil, "missing \(field)")
        }
        let delta = try #require(Double(alert["SSI_DELTA"] as? String ?? ""))
        #expect(delta <= -2)
        let message = try #require(alert["MESSAGE"] as? String)
        #expect(message.contains("SSI fell from"))
        #expect(message.contains("undo of event \(article)"))

        // Rate limit: the same drop again within the interval stays silent.
        let again = try #require(try daemon.client(["article", "--json"]).json()["id"] as? String)
        #expect(try daemon.client(["undo", again]).status == 0)
        try barrier(daemon)
        #expect(try alerts(daemon).count == 1)
    }

    @Test func quietHoursSilenceTheAlert() throws {
        let daemon = try daemon(quietHours: "11:00-13:00")
        let article = try #require(try daemon.client(["article", "--json"]).json()["id"] as? String)
        #expect(try daemon.client(["undo", article]).status == 0)
        try barrier(daemon)
        #expect(try alerts(daemon).isEmpty)
    }

    @Test func aPauseSilencesTheAlert() throws {
        let daemon = try daemon()
        #expect(try daemon.client(["pause", "--until", "+3d"]).status == 0)
        let article = try #require(try daemon.client(["article", "--json"]).json()["id"] as? String)
        #expect(try daemon.client(["undo", article]).status == 0)
        try barrier(daemon)
        #expect(try alerts(daemon).isEmpty)
    }

    @Test func aDecayDropOverSimulatedDaysAlertsOnceAtStart() throws {
        let daemon = try daemon()
        for action in ["article", "post", "comment", "comment", "share", "connect", "search", "message"] {
            #expect(try daemon.client([action]).status == 0)
        }
        try barrier(daemon)
        #expect(try alerts(daemon).isEmpty)
        #expect(daemon.stop() == 0)
        try daemon.setClock(Self.noon + 30 * 86_400)
        try daemon.start()
        try barrier(daemon)
        let found = try alerts(daemon)
        #expect(found.count == 1)
        #expect(found.first?["SSI_PILLAR"] as? String == "total")
        #expect((found.first?["MESSAGE"] as? String)?.contains("activity decayed; last action 30 days ago") == true)
    }

    @Test func aForecastNoticeNamesThePillarAboutToFall() throws {
        let daemon = try daemon()
        for _ in 0..<4 { #expect(try daemon.client(["comment"]).status == 0) }
        #expect(daemon.stop() == 0)
        try daemon.start()
        let forecast = try #require(
            try JournaldReader.waitFor(
                ["MESSAGE_ID=a111f2e364b24d3d9ed3fab0fb7b8298", "_PID=\(daemon.process!.pid)"],
                since: daemon.startedAt
            ).first)
        #expect(forecast["PRIORITY"] as? String == "5")
        #expect(forecast["SSI_PILLAR"] as? String == "engage")
        #expect(forecast["SSI_LEVEL"] as? String == "5.00")
        #expect((forecast["MESSAGE"] as? String)?.contains("engage will fall below 5.00 in 3 days") == true)
    }

    @Test func ownLogsGoToTheJournalWhenStderrIsTheJournalStream() throws {
        try JournaldReader.requireJournald()
        let daemon = try DaemonHarness()
        // Pretend stderr is a journal stream: JOURNAL_STREAM names the file the harness captures it to.
        daemon.extraArguments = []
        try daemon.start(arguments: ["--log-target", "auto"], journalStreamStderr: true)
        let ready = try #require(
            try JournaldReader.waitFor(
                ["SYSLOG_IDENTIFIER=ssi-logd", "_PID=\(daemon.process!.pid)", "SSI_SOCKET=\(daemon.socketPath)"],
                since: daemon.startedAt
            ).first
        )
        #expect((ready["MESSAGE"] as? String)?.hasPrefix("ready:") == true)
        #expect(ready["PRIORITY"] as? String == "6")
        #expect(ready["SSI_SOCKET"] as? String == daemon.socketPath)
        #expect(ready["CODE_FUNC"] != nil)
        #expect(!daemon.stderrText().contains("ready:"))
    }

    @Test func everyLoggedEventIsAnInfoEntryAndNotesCannotForgeFields() throws {
        let daemon = try daemon()
        let note = "hello\nPRIORITY=0\nSSI_ACTION=forged"
        let logged = try daemon.client(["comment", note, "--json"]).json()
        let id = try #require(logged["id"] as? String)
        let entry = try #require(try JournaldReader.waitFor(["SSI_EVENT_ID=\(id)"]).first)
        #expect(entry["PRIORITY"] as? String == "6")
        #expect(entry["SSI_ACTION"] as? String == "comment")
        #expect(entry["MESSAGE_ID"] as? String == Self.eventID)
        #expect(entry["SSI_SCORE"] != nil)
        #expect(entry["SSI_NOTE"] as? String == note)
        #expect((entry["MESSAGE"] as? String)?.contains("PRIORITY") == false)
        #expect(try JournaldReader.entries(["SSI_ACTION=forged"]).isEmpty)
    }
}
