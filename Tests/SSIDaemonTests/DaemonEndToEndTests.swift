import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The first slice end to end: the real `ssi-logd` and `ssi-log` binaries on a temporary socket.
@Suite struct DaemonEndToEndTests {
    @Test func logThenScore() throws {
        let daemon = try DaemonHarness()
        let ready = try daemon.start()
        #expect(ready.joined().contains("STATUS="))
        let logged = try daemon.client(["comment", "hello", "world"])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.hasPrefix("logged comment "))
        let score = try daemon.client(["score", "--json"]).json()
        let total = try #require(score["total"] as? Double)
        #expect(total > 0 && total <= 100)
        let pillars = try #require(score["pillars"] as? [String: Double])
        #expect(Set(pillars.keys) == ["brand", "find", "engage", "relationships"])
        let line = try #require(try daemon.journalLines().first)
        #expect(line.contains(#""note":"hello world""#))
        #expect(daemon.stop() == 0)
    }

    @Test func logJSONHasIdSeqAndScore() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let first = try daemon.client(["connect", "--json", "--tag", "decision-maker"]).json()
        let second = try daemon.client(["post", "--json", "--at=-3h", "--url", "https://example.com/p"]).json()
        #expect(first["seq"] as? Int == 1)
        #expect(second["seq"] as? Int == 2)
        #expect((first["id"] as? String)?.count == 16)
        #expect((second["score"] as? [String: Any])?["total"] is Double)
        #expect(second["pillar"] as? String == "brand")
    }

    @Test func restartReplaysToTheSameScore() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(1_764_417_600)
        try daemon.start()
        for action in ["comment", "connect", "post", "reply", "message", "search"] {
            #expect(try daemon.client([action]).status == 0)
        }
        #expect(try daemon.client(["profile", "--section", "photo"]).status == 0)
        #expect(try daemon.client(["undo"]).status == 0)
        let before = try daemon.client(["score", "--json"]).stdout
        let explainBefore = try daemon.client(["score", "--explain", "--json"]).stdout
        #expect(daemon.stop() == 0)
        try daemon.start()
        #expect(try daemon.client(["score", "--json"]).stdout == before)
        #expect(try daemon.client(["score", "--explain", "--json"]).stdout == explainBefore)
        let status = try daemon.client(["status", "--json"]).json()
        #expect(status["events"] as? Int == 8)
    }

    @Test func concurrentClientsAreAllRecordedOnceInOrder() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let clients = 16
        let perClient = 25
        let errors = LockedBox<[String]>([])
        let ids = LockedBox(Set<String>())
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            do {
                let connection = try RawConnection(path: daemon.socketPath)
                for index in 0..<perClient {
                    let response = try connection.request(
                        #"{"v":1,"id":"c\#(client)-\#(index)","op":"log","action":"like","note":"n\#(index)"}"#)
                    guard let result = response["result"] as? [String: Any], let id = result["id"] as? String else {
                        throw DaemonHarness.Failure(description: "\(response)")
                    }
                    ids.update { _ = $0.insert(id) }
                }
            } catch {
                errors.update { $0.append("\(error)") }
            }
        }
        #expect(errors.current.isEmpty, "\(errors.current)")
        #expect(ids.current.count == clients * perClient)
        let lines = try daemon.journalLines()
        #expect(lines.count == clients * perClient)
        for (index, line) in lines.enumerated() { #expect(line.contains(#""seq":\#(index + 1),"#)) }
        let verify = try daemon.client(["verify", "--journal", daemon.journalPath])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func aTornTailIsCutOffAtStart() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(1_764_417_600)
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        #expect(try daemon.client(["share"]).status == 0)
        let score = try daemon.client(["score", "--json"]).stdout
        #expect(daemon.stop() == 0)
        let intact = try Data(contentsOf: URL(fileURLWithPath: daemon.journalPath))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: daemon.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":3,"id":"deadbeef","ty"#.utf8))
        try handle.close()
        #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 65)
        try daemon.start()
        #expect(try Data(contentsOf: URL(fileURLWithPath: daemon.journalPath)) == intact)
        #expect(try daemon.client(["score", "--json"]).stdout == score)
        let next = try daemon.client(["like", "--json"]).json()
        #expect(next["seq"] as? Int == 3)
        #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 0)
    }

    @Test func aCorruptedMiddleRecordIsReportedAndKeptOut() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(1_764_417_600)
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        let afterFirst = try daemon.client(["score", "--json"]).stdout
        #expect(try daemon.client(["article"]).status == 0)
        #expect(daemon.stop() == 0)
        var lines = try daemon.journalLines()
        lines[1] = lines[1].replacingOccurrences(of: #""action":"article""#, with: #""action":"articlf""#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: daemon.journalPath, atomically: false, encoding: .utf8)
        let verify = try daemon.client(["verify", "--journal", daemon.journalPath])
        #expect(verify.status == 65)
        #expect(verify.stdout.contains("line 2, byte"))
        #expect(verify.stdout.contains("checksum mismatch"))
        try daemon.start()
        #expect(try daemon.client(["score", "--json"]).stdout == afterFirst)
        let next = try daemon.client(["like", "--json"]).json()
        #expect(next["seq"] as? Int == 3)
        #expect(daemon.stop() == 0)
        #expect(daemon.stderrText().contains("damaged journal record kept out of the score"))
    }

    @Test func undoRestoresTheScoreAndUnknownIdsAreRejected() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(1_764_417_600)
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        let before = try daemon.client(["score", "--json"]).stdout
        let logged = try daemon.client(["article", "--json"]).json()
        let id = try #require(logged["id"] as? String)
        #expect(try daemon.client(["score", "--json"]).stdout != before)
        let undone = try daemon.client(["undo", id, "--json"]).json()
        #expect(undone["undone"] as? String == id)
        #expect(try daemon.client(["score", "--json"]).stdout == before)
        let again = try daemon.client(["undo", id])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already undone"))
        #expect(try daemon.client(["undo", "0000000000000000"]).status == 65)
        #expect(try daemon.journalLines().last?.contains(#""type":"undo""#) == true)
    }

    @Test func rejectedInputExitsWith65AndWritesNothing() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let unknown = try daemon.client(["tweet", "hello"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("unknown action 'tweet'"))
        let badTime = try daemon.client(["comment", "--at", "yesterday-ish"])
        #expect(badTime.status == 65)
        #expect(badTime.stderr.contains("cannot read time"))
        #expect(try daemon.client(["comment", "--at", "2099-01-01T00:00"]).status == 65)
        #expect(try daemon.client(["profile"]).status == 65)
        #expect(try daemon.client(["comment", "--count", "0"]).status == 64)
        #expect(try daemon.journalLines().isEmpty)
    }

    @Test func aDaemonThatIsDownGives69WithHowToStartIt() throws {
        let run = try ClientRun.run(["comment", "x"], socket: "/tmp/ssi-no-such-dir/none.sock")
        #expect(run.status == 69)
        #expect(run.stderr.contains("systemctl --user start ssi-logd.socket"))
        let json = try ClientRun.run(["score", "--json"], socket: "/tmp/ssi-no-such-dir/none.sock")
        #expect(json.status == 69)
        #expect((try json.json()["error"] as? [String: Any])?["code"] as? String == "unreachable")
    }

    @Test func anOversizedRequestIsRefusedAndTheConnectionClosed() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socketPath)
        let huge =
            #"{"v":1,"id":"big","op":"log","action":"comment","note":""# + String(repeating: "x", count: 70_000)
            + "\"}\n"
        try? connection.send(huge)
        let line = try #require(try connection.readLine())
        #expect(line.contains(#""code":"bad_request""#))
        #expect(line.contains("64 KiB"))
        #expect(try connection.readLine() == nil)
        // The daemon is still fine for everyone else.
        #expect(try daemon.client(["comment"]).status == 0)
        #expect(try daemon.journalLines().count == 1)
    }

    @Test func garbageGetsAStructuredErrorAndTheConnectionStaysUsable() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socketPath)
        for garbage in ["not json", "{}", #"{"v":1,"id":"q","op":"nope"}"#, "\u{0}\u{1}", "[[[[[[[[[["] {
            try connection.send(garbage + "\n")
            let line = try #require(try connection.readLine())
            #expect(line.contains(#""error":{"code":"#), "\(garbage) → \(line)")
        }
        let score = try connection.request(#"{"v":1,"id":"s","op":"score"}"#)
        #expect(score["id"] as? String == "s")
        #expect((score["result"] as? [String: Any])?["total"] is Double)
    }

    @Test func aRetriedLogIsRecordedOnce() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let request = #"{"v":1,"id":"retry-1","op":"log","action":"comment"}"#
        let first = try RawConnection(path: daemon.socketPath).request(request)
        let second = try RawConnection(path: daemon.socketPath).request(request)
        let firstID = (first["result"] as? [String: Any])?["id"] as? String
        #expect(firstID != nil)
        #expect(firstID == (second["result"] as? [String: Any])?["id"] as? String)
        #expect(try daemon.journalLines().count == 1)
        #expect(daemon.stop() == 0)
        try daemon.start()
        let third = try RawConnection(path: daemon.socketPath).request(request)
        #expect(firstID == (third["result"] as? [String: Any])?["id"] as? String)
        #expect(try daemon.journalLines().count == 1)
    }

    /// Undo and pause retried with the same request id, before and after a restart, get the first
    /// answer (same id and sequence number), and a retried log whose event was since undone too.
    @Test func retriedUndoPauseAndUndoneLogGetTheirFirstAnswerAfterARestart() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let log = #"{"v":1,"id":"r-log","op":"log","action":"comment"}"#
        let logged = try #require(try RawConnection(path: daemon.socketPath).request(log)["result"] as? [String: Any])
        let eventID = try #require(logged["id"] as? String)
        let requests = [
            log, #"{"v":1,"id":"r-undo","op":"undo","event":"\#(eventID)"}"#,
            #"{"v":1,"id":"r-pause","op":"pause","until":"2099-01-01T00:00"}"#,
        ]
        func answers() throws -> [[String: Any]] {
            try requests.map { request in
                let response = try RawConnection(path: daemon.socketPath).request(request)
                return try #require(response["result"] as? [String: Any], "\(request): \(response)")
            }
        }
        let first = try answers()
        #expect(first[0]["id"] as? String == eventID)
        #expect(first[1]["undone"] as? String == eventID)
        func expectSameAsFirst(_ again: [[String: Any]], _ when: String) {
            for (before, after) in zip(first, again) {
                #expect(before["id"] as? String == after["id"] as? String, "\(when)")
                #expect(before["seq"] as? Int == after["seq"] as? Int, "\(when)")
            }
            #expect(again[1]["undone"] as? String == eventID, "\(when)")
        }
        expectSameAsFirst(try answers(), "retried")
        #expect(daemon.stop() == 0)
        try daemon.start()
        expectSameAsFirst(try answers(), "retried after a restart")
        #expect(try daemon.journalLines().count == 3)
    }

    @Test func socketAndFilesArePrivate() throws {
        let daemon = try DaemonHarness()
        daemon.extraArguments = []
        let socketPath = daemon.directory + "/run/ssi-log/d.sock"
        try daemon.start(arguments: ["--socket", socketPath])
        #expect(try daemon.client(["comment"], socket: socketPath).status == 0)
        func mode(_ path: String) -> mode_t {
            var info = stat()
            lstat(path, &info)
            return info.st_mode & 0o777
        }
        #expect(mode(socketPath) == 0o600)
        #expect(mode(daemon.directory + "/run/ssi-log") == 0o700)
        #expect(mode(daemon.stateDirectory) == 0o700)
        #expect(mode(daemon.journalPath) == 0o600)
    }

    @Test func aSecondDaemonOnTheSameStateDirectoryExitsWithoutTouchingIt() throws {
        let first = try DaemonHarness()
        try first.start()
        #expect(try first.client(["comment"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: first.journalPath))
        let second = try ChildProcess.run(
            try DaemonHarness.binary("ssi-logd"),
            [
                "--socket", first.directory + "/other.sock", "--state-dir", first.stateDirectory, "--log-target",
                "stderr",
            ],
            environment: ProcessInfo.processInfo.environment)
        #expect(second.status == 75)
        #expect(second.stderr.contains("another ssi-logd is using this state directory"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.journalPath)) == before)
    }

    @Test func aLiveDaemonsSocketIsNeverStolen() throws {
        let first = try DaemonHarness()
        try first.start()
        let second = try DaemonHarness()
        let attempt = try ChildProcess.run(
            try DaemonHarness.binary("ssi-logd"),
            ["--socket", first.socketPath, "--state-dir", second.stateDirectory, "--log-target", "stderr"],
            environment: ProcessInfo.processInfo.environment)
        #expect(attempt.status == 75)
        #expect(attempt.stderr.contains("already listening"))
        #expect(try first.client(["comment"]).status == 0)
    }

    @Test func aStaleSocketFromACrashIsReplaced() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(daemon.stop(signal: SIGKILL) != 0)
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
    }

    @Test func sigtermStopsCleanlyWithStopping() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(try daemon.client(["comment"]).status == 0)
        #expect(daemon.stop(signal: SIGTERM) == 0)
        #expect(daemon.notify.drain(timeout: 0.5).contains { $0.contains("STOPPING=1") })
    }
}

@Suite struct DaemonConfigurationTests {
    @Test func aBadConfigIsRefusedAtStartNamingTheKeyAndLine() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/bad.toml"
        try "[actions.comment]\npoints = -2\n".write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", config], waitForReady: false)
        #expect(daemon.process?.wait() == 78)
        let message = daemon.stderrText()
        #expect(message.contains("bad.toml:2: actions.comment.points: must not be negative"), "\(message)")
    }

    @Test func aUserActionCanBeLogged() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/good.toml"
        try "[actions.podcast]\npillar = \"brand\"\npoints = 4\ndaily_cap = 1\nsummary = \"guest on a podcast\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", config])
        let logged = try daemon.client(["podcast", "--json"]).json()
        #expect(logged["pillar"] as? String == "brand")
        let actions = try daemon.client(["actions"]).stdout
        #expect(actions.contains("guest on a podcast"))
    }
}
