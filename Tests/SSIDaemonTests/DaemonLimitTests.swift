import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Resource limits and peer checks: no client can hold the daemon or get in as someone else.
@Suite struct DaemonLimitTests {
    func daemon(_ config: String, strace: [String]? = nil) throws -> DaemonHarness {
        let daemon = try DaemonHarness()
        let path = daemon.directory + "/limits.toml"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", path], strace: strace)
        return daemon
    }

    @Test func aTricklingClientIsClosedAfterTheFrameDeadline() throws {
        let daemon = try daemon("[daemon]\nframe_timeout_seconds = 1\n")
        let slow = try RawConnection(path: daemon.socketPath)
        try slow.send(#"{"v":1,"id":"slow","op":"sc"#)
        let started = Date()
        #expect(try slow.readLine() == nil)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try daemon.client(["comment"]).status == 0)
    }

    @Test func anIdleConnectionIsClosed() throws {
        let daemon = try daemon("[daemon]\nidle_timeout_seconds = 1\n")
        let idle = try RawConnection(path: daemon.socketPath)
        _ = try idle.request(#"{"v":1,"id":"a","op":"score"}"#)
        #expect(try idle.readLine() == nil)
    }

    @Test func connectionsBeyondTheCapAreRefusedUntilOneCloses() throws {
        let daemon = try daemon("[daemon]\nmax_connections = 4\n")
        var open = try (0..<4).map { _ in try RawConnection(path: daemon.socketPath) }
        for connection in open { _ = try connection.request(#"{"v":1,"id":"a","op":"score"}"#) }
        let extra = try RawConnection(path: daemon.socketPath)
        let refusal = try #require(try extra.readLine())
        #expect(refusal.contains(#""code":"temporary""#))
        #expect(try extra.readLine() == nil)
        open.removeLast()
        // The daemon notices the close asynchronously: retry briefly until a slot is free.
        var served = false
        for _ in 0..<100 where !served {
            let next = try RawConnection(path: daemon.socketPath)
            try next.send(#"{"v":1,"id":"b","op":"score"}"# + "\n")
            served = try next.readLine()?.contains(#""result""#) == true
            if !served { usleep(20_000) }
        }
        #expect(served)
    }

    @Test func aFullQueueRefusesWithRetryLaterAndLosesNothing() throws {
        // Each sync held for 20 ms, so that logs arrive while one is being written however fast the
        // daemon (and however slow the build: a sanitizer's daemon answered every log in turn).
        let daemon = try daemon(
            "[daemon]\nmax_pending_events = 1\n", strace: ["-e", "inject=fdatasync:delay_exit=20000"])
        let ledger = AckLedger()
        let clients = LoadClients.run(socket: daemon.socketPath, threads: 8, prefix: "q", ledger: ledger, limit: 40)
        LoadClients.join(clients)
        print("back-pressure (max_pending_events = 1): \(ledger.acks.count) acknowledged, \(ledger.refused) refused")
        #expect(ledger.acks.count + ledger.refused == 8 * 40)
        #expect(ledger.refused > 0)
        #expect(try ledger.verify(journal: daemon.journalPath, context: "queue cap") == ledger.acks.count)
    }

    @Test func fiveHundredConnectionsLeaveTheDaemonResponsiveWithBoundedMemory() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let baseline = try residentKiB(daemon.process!.pid)
        let connections = try (0..<500).map { _ in try RawConnection(path: daemon.socketPath) }
        for (index, connection) in connections.enumerated() where index % 50 == 0 {
            _ = try connection.request(#"{"v":1,"id":"p\#(index)","op":"score"}"#)
        }
        let started = Date()
        #expect(try daemon.client(["comment", "while 500 are connected"]).status == 0)
        let latency = Date().timeIntervalSince(started)
        let loaded = try residentKiB(daemon.process!.pid)
        print(
            "500 connections: RSS \(baseline) KiB idle, \(loaded) KiB with 500 open "
                + "(\(String(format: "%.1f", Double(loaded) / Double(baseline)))x); a log took \(Int(latency * 1000)) ms"
        )
        #expect(loaded - baseline < 64 * 1024)
        #expect(latency < 5)
        _ = connections
    }

    @Test func anotherUserIsRefusedEvenThroughALooseSocket() throws {
        guard getuid() == 0 else {
            Issue.record("this test needs root (setpriv to nobody); make test runs as root in CI")
            return
        }
        let daemon = try DaemonHarness()
        try daemon.start()
        chmod(daemon.directory, 0o755)
        chmod(daemon.socketPath, 0o666)
        let client = try DaemonHarness.binary("ssi-log")
        chmod(DaemonHarness.binDirectory, 0o755)
        let run = try Tool.run(
            "/usr/bin/setpriv",
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", client, "comment", "--socket", daemon.socketPath])
        #expect(run.status == 77, "\(run.stderr)")
        #expect(run.stderr.contains("permission denied"))
        #expect(try daemon.journalLines().isEmpty)
        #expect(daemon.stop() == 0)
        #expect(daemon.stderrText().contains("refused a connection from another user"))
    }

    func residentKiB(_ pid: pid_t) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
