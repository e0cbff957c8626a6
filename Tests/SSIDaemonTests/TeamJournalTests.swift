import Foundation
import Testing

/// Forwarded journals and the team view with the real engines, on loopback: two daemons' entries
/// (read from the real systemd-journald) go through a real systemd-journal-upload to a real
/// systemd-journal-remote on 127.0.0.1; `ssi-log team` over its output shows both people with the
/// right scores, and nothing twice after the uploader restarts and re-sends its last entry.
@Suite(.serialized) struct TeamJournalTests {
    static let remote = "/lib/systemd/systemd-journal-remote"
    static let upload = "/lib/systemd/systemd-journal-upload"

    func daemon(user: String) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/config.toml"
        try "[metrics]\nuser = \"\(user)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.setClock(1_764_579_900)
        try daemon.start(arguments: ["--config", config])
        return daemon
    }

    @Test func theTeamViewShowsEveryoneOnceFromForwardedJournals() throws {
        try JournaldReader.requireJournald()
        for tool in [Self.remote, Self.upload] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw DaemonHarness.Failure(description: "\(tool) is missing: `make test` installs systemd-journal-remote")
        }
        // Names of this run only, so that entries of earlier runs in the same journal stay out.
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let (anaName, benName) = ("ana-\(run)", "ben-\(run)")
        let ana = try daemon(user: anaName)
        let ben = try daemon(user: benName)
        for action in ["comment", "post", "like"] { #expect(try ana.client([action]).status == 0) }
        for action in ["connect", "message"] { #expect(try ben.client([action]).status == 0) }
        let anaScore = try #require(try ana.client(["score", "--json"]).json()["total"] as? Double)
        let benScore = try #require(try ben.client(["score", "--json"]).json()["total"] as? Double)
        _ = try JournaldReader.waitFor(["SSI_USER=\(anaName)", "SSI_ACTION=like"])
        _ = try JournaldReader.waitFor(["SSI_USER=\(benName)", "SSI_ACTION=message"])

        var template = Array("/tmp/ssijXXXXXX".utf8CString)
        let work = String(cString: mkdtemp(&template))
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The machine's entries of these two people, as a journal file the uploader reads (252's
        // uploader cannot filter by program: it would send every entry of the machine).
        let source = try Tool.run(
            "/bin/sh",
            [
                "-c",
                "journalctl -o export SSI_USER=\(anaName) + SSI_USER=\(benName) | \(Self.remote) --output=\(work)/source.journal -",
            ])
        #expect(source.status == 0, "\(source.stderr)")
        try FileManager.default.createDirectory(atPath: work + "/remote", withIntermediateDirectories: true)
        let port = try TeamEnginesTests.freePort()
        let receiver = try ChildProcess(
            Self.remote, ["--listen-http=127.0.0.1:\(port)", "--output=\(work)/remote/"], environment: [:], stdout: nil,
            stderr: nil)
        defer {
            receiver.signal(SIGTERM)
            _ = receiver.wait(seconds: 10)
        }
        let uploadArguments = [
            "--url=http://127.0.0.1:\(port)", "--save-state=\(work)/upload.state", "--follow=no",
            "--file=\(work)/source.journal",
        ]
        var first = try Tool.run(Self.upload, uploadArguments)
        for _ in 0..<50 where first.status != 0 {
            // The receiver may not listen yet: the uploader is told to try again, as a timer would.
            usleep(100_000)
            first = try Tool.run(Self.upload, uploadArguments)
        }
        #expect(first.status == 0, "\(first.stderr)")

        func team() throws -> [String: [String: Any]] {
            let view = try Tool.run(
                try DaemonHarness.binary("ssi-log"), ["team", "--journal-dir", work + "/remote", "--json"])
            #expect(view.status == 0, "\(view.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(view.stdout.utf8)) as? [String: Any]
            let people = object?["people"] as? [[String: Any]] ?? []
            return Dictionary(
                uniqueKeysWithValues: people.compactMap { person in
                    (person["user"] as? String).map { ($0, person) }
                })
        }
        let people = try team()
        #expect(people.keys.sorted() == [anaName, benName])
        #expect((people[anaName]?["score"] as? [String: Any])?["total"] as? Double == anaScore)
        #expect((people[benName]?["score"] as? [String: Any])?["total"] as? Double == benScore)
        #expect(people[anaName]?["last_action"] as? String == "like")

        // The uploader restarted with its saved state sends its last entry again: counted once.
        let again = try Tool.run(Self.upload, uploadArguments)
        #expect(again.status == 0, "\(again.stderr)")
        let view = try Tool.run(
            try DaemonHarness.binary("ssi-log"), ["team", "--journal-dir", work + "/remote", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(view.stdout.utf8)) as? [String: Any]
        #expect((object?["duplicates"] as? Int ?? 0) >= 1, "the re-sent entry should be seen and left out")
        #expect(try team()[anaName]?["score"].map { ($0 as? [String: Any])?["total"] as? Double } == anaScore)
        let exported = try Tool.run("/bin/sh", ["-c", "journalctl --directory=\(work)/remote -o export | wc -c"])
        let entries = try Tool.run("/bin/sh", ["-c", "journalctl --directory=\(work)/remote -o cat | wc -l"])
        let bytes = Int(exported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let count = max(1, Int(entries.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 1)
        print("journal-remote: \(count) entries forwarded, \(bytes / count) bytes each in export form")

        // A directory that is not there: journalctl's complaint is passed on, with the I/O exit code.
        let missing = try Tool.run(try DaemonHarness.binary("ssi-log"), ["team", "--journal-dir", work + "/none"])
        #expect(missing.status == 74, "\(missing.stderr)")
        #expect(missing.stderr.contains("cannot read the journal files in \(work)/none"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)
    }
}
