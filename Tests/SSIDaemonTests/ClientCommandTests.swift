import Foundation
import Testing

/// The client as a new user types it, against the real daemon.
@Suite struct ClientCommandTests {
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
