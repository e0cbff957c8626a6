import Foundation
import Testing

/// The client as a new user types it, against the real daemon.
@Suite struct ClientCommandTests {
    /// Quick entry skips the argument parser; it must answer exactly as the parsed command does.
    @Test func quickEntryAnswersAsTheParsedCommandDoes() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let quick = try daemon.client(["comment", "on", "Ana's", "pricing", "post"])
        let parsed = try daemon.client(["log", "comment", "on", "Ana's", "pricing", "post"])
        #expect(quick.status == 0 && parsed.status == 0, "\(quick.stderr) \(parsed.stderr)")
        #expect(quick.stdout.hasPrefix("logged comment ") && parsed.stdout.hasPrefix("logged comment "))
        let notes = try daemon.journalLines().filter { $0.contains(#""note":"on Ana's pricing post""#) }
        #expect(notes.count == 2)
        let quickTypo = try daemon.client(["comemnt", "x"])
        let parsedTypo = try daemon.client(["log", "comemnt", "x"])
        #expect(quickTypo.status == 65 && parsedTypo.status == 65)
        #expect(quickTypo.stderr == parsedTypo.stderr && quickTypo.stderr.contains("comment"))
        #expect(try daemon.client(["--version"]).stdout == "0.1.0\n")
        // Options and command names still go to the parser.
        #expect(try daemon.client(["comment", "--count", "2", "--json"]).json()["action"] as? String == "comment")
        #expect(try daemon.client(["status"]).stdout.contains("records"))
        let offline = try ClientRun.run(["like"], socket: daemon.directory + "/none.sock")
        let offlineParsed = try ClientRun.run(["log", "like"], socket: daemon.directory + "/none.sock")
        #expect(offline.status == 69 && offline.stderr == offlineParsed.stderr)
    }

    @Test func noArgumentsShowsTheScoreAndToday() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        let plain = try daemon.client([])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("SSI "))
        #expect(plain.stdout.contains("engage         1 action\n"))
        #expect(plain.stdout.contains("Goals:"))
        let json = try daemon.client(["--json"]).json()
        #expect((json["score"] as? [String: Any])?["total"] != nil)
        #expect((json["today"] as? [String: Any])?["streak"] as? Int == 1)
    }

    @Test func aMistypedActionSuggestsTheNearestAndLogsNothing() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let typo = try daemon.client(["coment", "on a post"])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("did you mean comment?"), "\(typo.stderr)")
        #expect(try daemon.journalLines().isEmpty)
    }

    /// `--at` as people say it, read in the daemon's zone (the harness runs it in Europe/Lisbon).
    @Test func atTakesWhatPeopleSay() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let yesterday = try daemon.client(["comment", "--at", "yesterday 17:00", "--json"])
        #expect(yesterday.status == 0, "\(yesterday.stderr)")
        let occurred = try #require(try yesterday.json()["occurred"] as? String)
        #expect(occurred.hasSuffix(":00:00Z"))
        let ago = try daemon.client(["like", "--at", "2h ago", "--json"])
        #expect(ago.status == 0, "\(ago.stderr)")
        let future = try daemon.client(["like", "--at", "tomorrow"])
        #expect(future.status == 65)
        #expect(future.stderr.contains("in the future"))
        let impossible = try daemon.client(["like", "--at", "2026-02-31"])
        #expect(impossible.status == 65)
        #expect(impossible.stderr.contains("no such date"))
        let pause = try daemon.client(["pause", "--until", "monday", "--json"])
        #expect(pause.status == 0, "\(pause.stderr)")
    }
}
