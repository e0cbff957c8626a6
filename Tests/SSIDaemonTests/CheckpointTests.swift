import Foundation
import Testing

/// The real daemon's checkpoint: written at shutdown (and after a rebuild), resumed from at start,
/// rebuilt from the journal (and said so in the log) when damaged or computed with other weights.
@Suite struct CheckpointTests {
    func observed(_ daemon: DaemonHarness) throws -> [String] {
        try [
            daemon.client(["score", "--explain", "--json"]).stdout, daemon.client(["history", "--days", "30"]).stdout,
            daemon.client(["today", "--json"]).stdout,
        ]
    }

    @Test func aRestartResumesFromTheCheckpointAndADamagedOneIsRebuilt() throws {
        let daemon = try DaemonHarness()
        try daemon.setClock(1_764_417_600)
        try daemon.start()
        #expect(daemon.stderrText().contains("(0 records): no checkpoint yet"))
        for action in ["comment", "connect", "post", "reply", "message", "search", "like"] {
            #expect(try daemon.client([action, "--at", "yesterday 10:00"]).status == 0)
            #expect(try daemon.client([action]).status == 0)
        }
        #expect(try daemon.client(["undo"]).status == 0)
        let before = try observed(daemon)
        #expect(daemon.stop() == 0)
        let checkpoint = daemon.stateDirectory + "/checkpoint"
        #expect(FileManager.default.fileExists(atPath: checkpoint), "a stop writes the checkpoint")

        try daemon.start()
        #expect(daemon.stderrText().contains("resumed from the checkpoint at seq 15; replayed 0 records after it"))
        #expect(try observed(daemon) == before)
        #expect(try daemon.client(["comment", "a tail record"]).status == 0)
        #expect(try daemon.client(["like"]).status == 0)
        let withTail = try observed(daemon)
        #expect(daemon.stop(signal: SIGKILL) != 0)

        // Killed: no checkpoint at shutdown, so the two records after it are replayed.
        try daemon.start()
        #expect(daemon.stderrText().contains("resumed from the checkpoint at seq 15; replayed 2 records after it"))
        #expect(try observed(daemon) == withTail)
        #expect(daemon.stop() == 0)

        // A flipped byte: refused, rebuilt from the journal, the same answers.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpoint)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: checkpoint))
        try daemon.start()
        #expect(
            daemon.stderrText().contains(
                "ledger rebuilt from the whole journal (17 records): the checkpoint is damaged"))
        #expect(try observed(daemon) == withTail)
        #expect(daemon.stop() == 0)

        // Cut short, as a torn write would leave it.
        bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpoint)))
        try Data(bytes[0..<(bytes.count * 2 / 3)]).write(to: URL(fileURLWithPath: checkpoint))
        try daemon.start()
        #expect(daemon.stderrText().contains("the checkpoint is damaged"))
        #expect(try observed(daemon) == withTail)
        #expect(daemon.stop() == 0)

        // Other weights: rebuilt under them, as if there had never been a checkpoint.
        let config = daemon.directory + "/config.toml"
        try "[actions.comment]\npoints = 6\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.extraArguments = ["--config", config]
        try daemon.start()
        #expect(daemon.stderrText().contains("computed with another score configuration"))
        let reweighted = try observed(daemon)
        #expect(reweighted != withTail)
        #expect(daemon.stop() == 0)
        try FileManager.default.removeItem(atPath: checkpoint)
        try daemon.start()
        #expect(daemon.stderrText().contains("no checkpoint yet"))
        #expect(try observed(daemon) == reweighted)
        #expect(daemon.stop() == 0)
    }
}
