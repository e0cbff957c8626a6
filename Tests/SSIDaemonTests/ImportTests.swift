import Foundation
import Testing

/// `ssi-log import` of the LinkedIn export fixtures into the real daemon.
@Suite struct ImportTests {
    /// The project's own export fixtures (fictional people), in `Tests/Fixtures/linkedin-export`.
    static let fixtures =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/linkedin-export").path

    @Test func anExportIsLoggedOnceHoweverOftenItIsImported() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let folder = Self.fixtures + "/Complete_LinkedInDataExport_10-02-2026"
        let empty = try daemon.client(["score", "--json"]).json()["total"] as? Double
        let first = try daemon.client(["import", folder, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try first.json()
        #expect(report["added"] as? Int == 11)
        #expect(report["repeated"] as? Int == 0)
        #expect(report["owner"] as? String == "Elias Brandvold")
        #expect(try daemon.journalLines().count == 11)
        let total = try #require((report["score"] as? [String: Any])?["total"] as? Double)
        #expect(total > empty ?? 100)
        // Again, and after a restart: nothing new.
        let second = try daemon.client(["import", folder, "--json"]).json()
        #expect(second["added"] as? Int == 0)
        #expect(second["repeated"] as? Int == 11)
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(try daemon.client(["import", folder, "--json"]).json()["added"] as? Int == 0)
        #expect(try daemon.journalLines().count == 11)
        #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 0)
        // Events came in with their export times: one connection is from 2019.
        let lines = try daemon.journalLines().joined(separator: "\n")
        #expect(lines.contains("\"occurred\":\"2019-11-14T"))
        print("import: 11 actions from the 2026 export logged once over 3 imports and a restart")
    }

    @Test func aDryRunNeedsNoDaemonAndBadFoldersAreRefused() throws {
        let daemon = try DaemonHarness()
        let dry = try daemon.client(["import", Self.fixtures + "/Basic_LinkedInDataExport_05-14-2021", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("5 actions"))
        #expect(dry.stdout.contains("dry run"))
        let missing = try daemon.client(["import", daemon.directory + "/nowhere.zip"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("unzip it first"))
        let notAnExport = try daemon.client(["import", daemon.directory])
        #expect(notAnExport.status == 65)
        #expect(notAnExport.stderr.contains("no LinkedIn export file"))
    }
}
