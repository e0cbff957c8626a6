import Foundation
import Testing

/// `ssi-log import` and `ssi-log export` against the real daemon, with the project's own export
/// fixtures (fictional people) as folders and as zips.
@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let folders = fixtures.appendingPathComponent("linkedin-export").path
    static let zips = fixtures.appendingPathComponent("linkedin-zips").path

    @Test func aZipIsLoggedOnceHoweverOftenAndHoweverItIsImported() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let zip = Self.zips + "/Complete_LinkedInDataExport_10-02-2026.zip"
        let first = try daemon.client(["import", zip, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try first.json()
        #expect(report["added"] as? Int == 22)
        #expect(report["owner"] as? String == "Elias Brandvold")
        let before = try #require((report["score_before"] as? [String: Any])?["total"] as? Double)
        let after = try #require((report["score"] as? [String: Any])?["total"] as? Double)
        #expect(after > before)
        #expect(try daemon.journalLines().count == 22)
        // The same export unzipped, again after a restart: nothing new.
        let folder = try daemon.client(["import", Self.folders + "/Complete_LinkedInDataExport_10-02-2026", "--json"])
        #expect(try folder.json()["added"] as? Int == 0)
        #expect(try folder.json()["repeated"] as? Int == 22)
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(try daemon.client(["import", zip, "--json"]).json()["added"] as? Int == 0)
        #expect(try daemon.journalLines().count == 22)
        #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 0)
        // Imported events keep their source and their export times.
        let lines = try daemon.journalLines().joined(separator: "\n")
        #expect(lines.contains(#""src":"Shares.csv:2""#))
        #expect(lines.contains("\"occurred\":\"2019-11-14T"))
    }

    /// Every era, oldest first: each newer export adds only what the older ones lacked.
    @Test func olderThenNewerExportsNeverLogTwice() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        var total = 0
        for era in [
            "Basic_LinkedInDataExport_05-14-2021", "Complete_LinkedInDataExport_09-18-2022",
            "Basic_LinkedInDataExport_10-21-2023", "Basic_LinkedInDataExport_08-15-2025",
            "Complete_LinkedInDataExport_03-09-2026", "Complete_LinkedInDataExport_10-02-2026",
        ] {
            let run = try daemon.client(["import", Self.zips + "/\(era).zip", "--json"])
            #expect(run.status == 0, "\(era): \(run.stderr)")
            total += try run.json()["added"] as? Int ?? 0
        }
        #expect(try daemon.journalLines().count == total)
        let again = try daemon.client(["import", Self.zips + "/Basic_LinkedInDataExport_10-21-2023.zip", "--json"])
        #expect(try again.json()["added"] as? Int == 0)
        print("import: six eras, oldest first: \(total) events, none twice")
    }

    @Test(arguments: ["damaged.zip", "truncated.zip", "oversized.zip", "bomb.zip"])
    func aBrokenZipIsRefusedAndNothingIsLogged(name: String) throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let run = try daemon.client(["import", Self.zips + "/" + name])
        #expect(run.status == 65, "\(name): \(run.stderr)")
        #expect(run.stderr.contains("nothing was logged"), "\(run.stderr)")
        #expect(try daemon.journalLines().isEmpty)
    }

    /// A reaction imported after the same like was typed by hand is reported, not logged again.
    @Test func anActionTypedByHandIsNotImportedAgain() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        // The export's times have no zone (local); the daemon runs in Europe/Lisbon (UTC+1 in September).
        #expect(try daemon.client(["like", "--at", "2026-09-15T09:30"]).status == 0)
        let run = try daemon.client(["import", Self.zips + "/Complete_LinkedInDataExport_10-02-2026.zip", "--json"])
        let report = try run.json()
        #expect(report["typed_by_hand"] as? Int == 1, "two reactions near the typed like: one is the same like")
        #expect(report["added"] as? Int == 21)
        #expect(try daemon.journalLines().count == 22)
    }

    /// On a terminal (a pseudo-terminal from `script`), a long import draws a progress bar.
    @Test func aLongImportOnATerminalShowsProgress() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let folder = daemon.directory + "/export"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var rows = ["CONVERSATION ID,FROM,TO,DATE,CONTENT,FOLDER"]
        for index in 0..<3000 {
            let minute = String(format: "%02d:%02d", index / 60 % 24, index % 60)
            rows.append(
                "2-c\(index),Elias Brandvold,Client \(index),2025-0\(index % 9 + 1)-1\(index % 10) \(minute):00 UTC,hi,INBOX"
            )
        }
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: folder + "/messages.csv", atomically: true, encoding: .utf8)
        try "First Name,Last Name,Headline\nElias,Brandvold,Sales\n".write(
            toFile: folder + "/Profile.csv", atomically: true, encoding: .utf8)
        let command = "\(try DaemonHarness.binary("ssi-log")) import \(folder) --socket \(daemon.socketPath)"
        let run = try Tool.run("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("3001/3001 rows"), "no progress bar: \(run.stdout.suffix(400))")
        #expect(run.stdout.contains("/s") && run.stdout.contains("s left"))
        #expect(run.stdout.contains("logged 3001 new"))
        // Not a terminal: plain lines, no bar.
        let plain = try daemon.client(["import", folder])
        #expect(!plain.stdout.contains("rows") && !plain.stderr.contains("rows"))
    }

    @Test func aDryRunNeedsNoDaemonAndBadPathsAreRefused() throws {
        let daemon = try DaemonHarness()
        let dry = try daemon.client(["import", Self.zips + "/Basic_LinkedInDataExport_05-14-2021.zip", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("6 actions"))
        #expect(dry.stdout.contains("dry run"))
        let missing = try daemon.client(["import", daemon.directory + "/nowhere.zip"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("does not exist"))
        let notAnExport = try daemon.client(["import", daemon.directory])
        #expect(notAnExport.status == 65)
        #expect(notAnExport.stderr.contains("no LinkedIn export file"))
        let text = daemon.directory + "/notes.txt"
        try "just some notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let other = try daemon.client(["import", text])
        #expect(other.status == 65)
        #expect(other.stderr.contains("neither a LinkedIn export"))
    }

    /// Backup, restore, moving machines: the export read back into a fresh journal gives the same
    /// score to the last decimal, and restoring twice logs nothing twice.
    @Test func anExportRestoresTheSameScoreInAFreshJournal() throws {
        let daemon = try DaemonHarness()
        // A fixed clock (2026-11-30T12:00Z): the two scores compared are taken at the same instant.
        try daemon.setClock(1_796_040_000)
        try daemon.start()
        #expect(try daemon.client(["import", Self.zips + "/Complete_LinkedInDataExport_10-02-2026.zip"]).status == 0)
        #expect(try daemon.client(["comment", "on a post, with \"quotes\"", "--at", "-3d", "--tag", "x"]).status == 0)
        #expect(try daemon.client(["like", "--at", "-1d"]).status == 0)
        #expect(try daemon.client(["undo"]).status == 0)
        let score = try daemon.client(["score", "--explain", "--json"]).stdout
        let backup = daemon.directory + "/backup.jsonl"
        let export = try daemon.client(["export", "--output", backup])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = try String(contentsOfFile: backup, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 23, "22 imported + 1 comment; the undone like left out")
        #expect(lines.contains { $0.contains(#""source":"typed""#) && $0.contains(#""tags":["x"]"#) })
        #expect(daemon.stop() == 0)
        try FileManager.default.removeItem(atPath: daemon.stateDirectory)
        try daemon.start()
        let restore = try daemon.client(["import", backup, "--json"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try restore.json()["added"] as? Int == 23)
        #expect(try daemon.client(["score", "--explain", "--json"]).stdout == score)
        #expect(try daemon.client(["import", backup, "--json"]).json()["added"] as? Int == 0)
    }

    @Test func exportFormatsFiltersAndRedaction() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(
            try daemon.client([
                "comment", "Ana's post, \"great\"\nsecond line", "--url", "https://x.example/p", "--at", "-10d",
            ]).status == 0)
        #expect(try daemon.client(["like", "--at", "-1d", "--tag", "warm"]).status == 0)
        #expect(try daemon.client(["undo"]).status == 0)
        let csv = try daemon.client(["export", "--format", "csv", "--all"])
        #expect(csv.status == 0)
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows[0] == "id,action,occurred,recorded,count,note,url,tags,section,source,undone")
        #expect(rows[1].contains(#","Ana's post, ""great""\#nsecond line",https://x.example/p,"#))
        #expect(rows[2].hasSuffix(",typed,true"))
        let redacted = try daemon.client(["export", "--redact", "--all"]).stdout
        #expect(!redacted.contains("Ana") && !redacted.contains("x.example") && !redacted.contains("warm"))
        let recent = try daemon.client(["export", "--since", "-2d", "--all"]).stdout
        #expect(recent.split(separator: "\n").count == 1)
        // With the daemon down, from the journal read-only.
        #expect(daemon.stop() == 0)
        let offline = try ClientRun.run(
            ["export", "--journal", daemon.journalPath], socket: daemon.directory + "/none.sock")
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.split(separator: "\n").count == 1, "the undone like is left out")
    }
}
