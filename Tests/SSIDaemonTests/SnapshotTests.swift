import Foundation
import Testing

/// LinkedIn's own number recorded beside the local score, against the real daemon.
@Suite struct SnapshotTests {
    static let page = """
        Social Selling Index
        Current Social Selling Index
        53
        out of 100
        Establish your professional brand
        13.04
        Find the right people
        10.5
        Engage with insights
        8.79
        Build relationships
        20.998
        Industry SSI rank
        Top 3%
        People in the Software Development industry have an average SSI of 25
        Network SSI rank
        Top 12%
        """

    func snapshotFromPaste(_ daemon: DaemonHarness, text: String, extra: [String] = []) throws -> ClientRun {
        let input = daemon.directory + "/page.txt"
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let command =
            "\(try DaemonHarness.binary("ssi-log")) snapshot --paste --socket \(daemon.socketPath) "
            + extra.joined(separator: " ") + " < \(input)"
        let run = try Tool.run("/bin/sh", ["-c", command])
        return ClientRun(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    @Test func aSnapshotIsRecordedComparedShownAndUndoable() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        let typed = try daemon.client([
            "snapshot", "53", "13,04", "10.5", "8.79", "20.998", "--network-rank", "12", "--json",
        ])
        #expect(typed.status == 0, "\(typed.stderr)")
        let local = try #require((try typed.json()["local"] as? [String: Any])?["total"] as? Double)
        #expect(local > 5)
        let pasted = try snapshotFromPaste(daemon, text: Self.page, extra: ["--at", "-1d", "--json"])
        #expect(pasted.status == 0, "\(pasted.stderr)")
        let values = try #require(try pasted.json()["snapshot"] as? [String: Any])
        #expect(values["industry_rank"] as? Int == 3)
        #expect((values["pillars"] as? [String: Any])?["relationships"] as? Double == 20.998)
        // Never part of the score.
        let score = try daemon.client(["score", "--json"]).json()
        #expect(score["total"] as? Double == local)
        let shown = try #require(score["snapshot"] as? [String: Any])
        #expect(shown["total"] as? Int == 53)
        let difference = try #require(shown["difference"] as? [String: Any])
        #expect(difference["total"] as? Double == ((local - 53) * 100).rounded() / 100)
        let text = try daemon.client(["score"]).stdout
        #expect(text.contains("LinkedIn") && text.contains("20.998"))
        // History marks both days.
        let history = try daemon.client(["history", "--days", "3", "--json"]).json()
        let days = try #require(history["days"] as? [[String: Any]])
        #expect(days.filter { $0["snapshot"] != nil }.count == 2)
        #expect(try daemon.client(["history", "--days", "3"]).stdout.contains("◆ LinkedIn 53"))
        // Undo takes the latest record: the pasted snapshot; the typed one stays.
        let undo = try daemon.client(["undo", "--json"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try undo.json()["action"] as? String == "snapshot")
        #expect(
            try daemon.client(["history", "--days", "3", "--json"]).json()["days"].map { days in
                (days as? [[String: Any]])?.filter { $0["snapshot"] != nil }.count
            } == 1)
        // In the export, and restored into a fresh journal.
        let backup = daemon.directory + "/backup.jsonl"
        #expect(try daemon.client(["export", "--output", backup]).status == 0)
        #expect(try String(contentsOfFile: backup, encoding: .utf8).contains(#""type":"snapshot""#))
        #expect(daemon.stop() == 0)
        try FileManager.default.removeItem(atPath: daemon.stateDirectory)
        try daemon.start()
        let restore = try daemon.client(["import", backup, "--json"])
        #expect(try restore.json()["snapshots"] as? Int == 1)
        #expect((try daemon.client(["score", "--json"]).json()["snapshot"] as? [String: Any])?["total"] as? Int == 53)
    }

    @Test func badSnapshotsAreRefusedWithWhatWasWrong() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let sum = try daemon.client(["snapshot", "90", "13.04", "10.5", "8.79", "20.998"])
        #expect(sum.status == 65)
        #expect(sum.stderr.contains("does not match the pillars"))
        let pillar = try daemon.client(["snapshot", "53", "26", "10.5", "8.79", "8"])
        #expect(pillar.status == 65)
        #expect(pillar.stderr.contains("brand must be 0 to 25"))
        let count = try daemon.client(["snapshot", "53", "13.04"])
        #expect(count.status == 64)
        let partial = try snapshotFromPaste(daemon, text: "Current Social Selling Index\n53 out of 100\n")
        #expect(partial.status == 65)
        #expect(partial.stderr.contains("found total 53; missing brand, find, engage, relationships"))
        #expect(try daemon.journalLines().isEmpty)
    }
}
