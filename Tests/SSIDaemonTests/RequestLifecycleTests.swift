import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Regressions at the joins between the socket, the store and reload: every request read is
/// answered, refused work leaves no trace, and reload waits for the disk and rebuilds like start-up.
@Suite struct RequestLifecycleTests {
    /// `printf '…' | socat - UNIX-CONNECT:…` half-closes after its requests: each is still answered,
    /// in order, before the daemon closes.
    @Test func aClientThatHalfClosesGetsEveryAnswerInOrder() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socketPath)
        try connection.send(
            #"{"v":1,"id":"first","op":"score"}"# + "\n" + #"{"v":1,"id":"second","op":"log","action":"comment"}"#
                + "\n" + #"{"v":1,"id":"third","op":"status"}"#)
        #expect(shutdown(connection.fd, Int32(SHUT_WR)) == 0)
        let first = try #require(try connection.readLine())
        let second = try #require(try connection.readLine())
        let third = try #require(try connection.readLine())
        #expect(first.hasPrefix(#"{"id":"first","result""#), "\(first)")
        #expect(second.hasPrefix(#"{"id":"second","result""#), "\(second)")
        #expect(third.hasPrefix(#"{"id":"third","result""#), "\(third)")
        #expect(try connection.readLine() == nil)
        #expect(try daemon.journalLines().count == 1)
    }

    /// With the queue full, refused logs must not leave an event id behind for `undo` to find.
    @Test func refusedLogsLeaveNoTraceAndUndoTakesTheLatestAcknowledged() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/queue.toml"
        try "[daemon]\nmax_pending_events = 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        // Each sync held for 20 ms: the other clients' logs arrive while one is being written, so the
        // cap of one pending event refuses some however fast the daemon and however busy the machine.
        try daemon.start(arguments: ["--config", config], strace: ["-e", "inject=fdatasync:delay_exit=20000"])
        let ledger = AckLedger()
        LoadClients.join(LoadClients.run(socket: daemon.socketPath, threads: 8, prefix: "r", ledger: ledger, limit: 25))
        try #require(ledger.refused > 0, "the queue cap refused nothing: the test proves nothing")
        let acked = ledger.acks.sorted { $0.seq < $1.seq }
        for expected in acked.suffix(2).reversed() {
            let undo = try daemon.client(["undo", "--json"])
            #expect(undo.status == 0, "\(undo.stderr)")
            #expect(try undo.json()["undone"] as? String == expected.eventID)
        }
        let lines = try daemon.journalLines()
        #expect(lines.count == acked.count + 2)
        let ids = Set(acked.map(\.eventID))
        for line in lines where line.contains(#""type":"undo""#) {
            #expect(ids.contains { line.contains(#""target":"\#($0)""#) }, "undo of an unknown event: \(line)")
        }
    }

    /// A reload whose model counts events differently replays the journal while a batch is being
    /// synced: the batch commits into the replayed ledger, so the undo in flight is answered as
    /// applied, and the retried undo gets the same answer after the reload.
    @Test func aReloadThatReplaysWhileABatchIsBeingWrittenKeepsTheBatch() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/model.toml"
        try "".write(toFile: config, atomically: true, encoding: .utf8)
        // Every fdatasync takes 1.5 s: long enough to reload while the undo's record is not yet durable.
        try daemon.start(arguments: ["--config", config], strace: ["-e", "inject=fdatasync:delay_exit=1500000"])
        let logged = try daemon.client(["comment", "--json"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let eventID = try #require(try logged.json()["id"] as? String)
        let connection = try RawConnection(path: daemon.socketPath)
        try connection.send(#"{"v":1,"id":"undo-1","op":"undo"}"# + "\n")
        // Readiness: the undo's record is written (in the file), its sync still running.
        let deadline = Date().addingTimeInterval(10)
        while try daemon.journalLines().count < 2 {
            try #require(Date() < deadline, "the undo record never reached the file")
            usleep(5_000)
        }
        // Comments count for more: a model that counts events differently, so the reload replays.
        try "[actions.comment]\npoints = 1.5\n".write(toFile: config, atomically: true, encoding: .utf8)
        let reload = try daemon.client(["reload"])
        #expect(reload.status == 0, "\(reload.stderr)")
        #expect(daemon.stderrText().contains("1 record replayed"), "the reload must replay: \(daemon.stderrText())")
        let undo = try #require(try connection.readLine())
        #expect(undo.contains(#""undone":"\#(eventID)""#), "\(undo)")
        let retried = try connection.request(#"{"v":1,"id":"undo-1","op":"undo"}"#)
        #expect((retried["result"] as? [String: Any])?["undone"] as? String == eventID, "\(retried)")
        #expect(try daemon.journalLines().count == 2)
        let status = try daemon.client(["status", "--json"])
        #expect(try status.json()["events"] as? Int == 2, "\(status.stdout)")
        #expect(try status.json()["counted_events"] as? Int == 0, "the undone comment counts: \(status.stdout)")
    }

    /// More logs than one connection may have in flight, then a status, in one write: every answer
    /// comes back in order, and the status (which waits for every earlier answer) counts them all.
    @Test func logsPipelinedPastTheDepthAreAllAnsweredBeforeTheStatusBehindThem() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socketPath)
        let logs = 600
        var lines = (0..<logs).map { #"{"v":1,"id":"p\#($0)","op":"log","action":"comment"}"# }
        lines.append(#"{"v":1,"id":"after","op":"status"}"#)
        try connection.send(lines.joined(separator: "\n") + "\n")
        for index in 0..<logs {
            let answer = try #require(try connection.readLine())
            #expect(answer.hasPrefix(#"{"id":"p\#(index)","result""#), "\(answer)")
        }
        let status = try #require(try connection.readLine())
        #expect(status.hasPrefix(#"{"id":"after","result""#), "\(status)")
        #expect(status.contains(#""events":\#(logs),"#), "\(status)")
    }

    /// A plain script sends all its requests before it reads an answer: the daemon serves it (it
    /// keeps reading while answers wait to be written), and every answer comes back in order.
    @Test func aClientThatSendsEverythingBeforeReadingIsServed() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let connection = try RawConnection(path: daemon.socketPath)
        let logs = 5_000
        let text = (0..<logs).map { #"{"v":1,"id":"n\#($0)","op":"log","action":"comment"}"# + "\n" }.joined()
        // About 280 KB: more than the socket's buffers hold, so the send only ends if the daemon
        // reads; a daemon that stops reading fails the send after 20 s instead of hanging the test.
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(connection.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try connection.send(text + #"{"v":1,"id":"last","op":"status"}"# + "\n")
        for index in 0..<logs {
            let answer = try #require(try connection.readLine())
            try #require(answer.hasPrefix(#"{"id":"n\#(index)","result""#), "\(answer)")
        }
        let status = try #require(try connection.readLine())
        #expect(status.hasPrefix(#"{"id":"last","result""#) && status.contains(#""events":\#(logs),"#), "\(status)")
    }
}
