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

    /// The commands quick entry answers without the parser print what the parsed command prints:
    /// an option the quick path does not take (`--socket`) sends the same command to the parser.
    @Test func quickCommandsAnswerAsTheParsedCommandsDo() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        for action in ["comment", "like", "connect"] { #expect(try daemon.client([action]).status == 0) }
        let parsedOption = ["--socket", daemon.socketPath]
        for command in [[], ["score"], ["today"], ["history"], ["--json"], ["score", "--json"], ["--json", "today"]] {
            let quick = try daemon.client(command)
            let parsed = try daemon.client(command + parsedOption)
            #expect(quick.status == parsed.status && quick.stderr == parsed.stderr, "\(command): \(quick.stderr)")
            #expect(quick.stdout == parsed.stdout, "\(command)")
            #expect(quick.status == 0 && !quick.stdout.isEmpty, "\(command): \(quick.stderr)")
        }
        // Options every command takes may come before the command's name, as in most CLIs.
        let today = try daemon.client(["today", "--json"])
        for command in [
            ["--json", "today"], parsedOption + ["--json", "today"], ["--json"] + parsedOption + ["today"],
        ] {
            let run = try daemon.client(command)
            #expect(run.status == 0 && run.stdout == today.stdout, "\(command): \(run.stderr)")
        }
        #expect(try daemon.client(["--socket=\(daemon.socketPath)", "status"]).stdout.contains("records"))
        // status carries the uptime, which may tick between the two: the rest must agree.
        let quickStatus = try daemon.client(["status"]).stdout.split(separator: "\n").dropFirst()
        let parsedStatus = try daemon.client(["status"] + parsedOption).stdout.split(separator: "\n").dropFirst()
        #expect(!quickStatus.isEmpty && quickStatus == parsedStatus)
        // undo, quick and parsed: each undoes the latest, and both print the same line for it.
        let quickUndo = try daemon.client(["undo"])
        let parsedUndo = try daemon.client(["undo"] + parsedOption)
        #expect(quickUndo.stdout.hasPrefix("undid connect ") && parsedUndo.stdout.hasPrefix("undid like "))
        let comment = try daemon.client(["comment", "--json"]).json()["id"] as? String ?? "?"
        #expect(try daemon.client(["undo", comment, "--json"]).json()["undone"] as? String == comment)
        // An unknown event through the quick path fails as the parser's path does.
        let missing = try daemon.client(["undo", "0123456789abcdef"])
        let missingParsed = try daemon.client(["undo", "0123456789abcdef"] + parsedOption)
        #expect(missing.status != 0 && missing.status == missingParsed.status && missing.stderr == missingParsed.stderr)
        // More than the quick path takes goes to the parser, which refuses it as before.
        #expect(try daemon.client(["score", "extra"]).status == 64)
        // An action is still an action after the options every command takes.
        #expect(try daemon.client(["--json", "like"]).json()["action"] as? String == "like")
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
