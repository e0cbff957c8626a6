import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Crash, power-cut, disk-full and injected-fault tests (`make torture`; root for the file-system
/// cases). Each prints its counts.
@Suite(.serialized) struct TortureTests {
    @Test func killNineLoopLosesNothingAcknowledged() throws {
        let daemon = try DaemonHarness()
        let ledger = AckLedger()
        let rounds = 200
        var found = 0
        for round in 0..<rounds {
            try daemon.start()
            found = try ledger.verify(journal: daemon.journalPath, context: "round \(round)")
            let clients = LoadClients.run(socket: daemon.socketPath, threads: 3, prefix: "r\(round)", ledger: ledger)
            usleep(useconds_t(2000 + (round * 7919) % 25_000))
            daemon.stop(signal: SIGKILL)
            LoadClients.join(clients)
        }
        try daemon.start()
        found = try ledger.verify(journal: daemon.journalPath, context: "final")
        print("kill -9 loop: \(rounds) rounds, \(ledger.acks.count) events acknowledged, \(found) found in the journal")
        #expect(ledger.acks.count > rounds)
        #expect(found >= ledger.acks.count)
    }

    @Test func diskFullIsRefusedWithoutAHalfRecordAndRecovers() throws {
        try requireRoot()
        let daemon = try DaemonHarness()
        let mountPoint = daemon.directory + "/small"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        #expect(try Tool.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint]).status == 0)
        defer { _ = try? Tool.run("/bin/umount", ["-l", mountPoint]) }
        let filler = mountPoint + "/filler"
        try Data(count: 200 * 1024).write(to: URL(fileURLWithPath: filler))
        try daemon.start(arguments: ["--state-dir", mountPoint + "/state"])
        let journal = mountPoint + "/state/journal.jsonl"
        let big = String(repeating: "n", count: 3000)
        var acked = 0
        var refusal: ClientRun?
        for _ in 0..<100 {
            let run = try daemon.client(["comment", big])
            if run.status == 0 {
                acked += 1
            } else {
                refusal = run
                break
            }
        }
        let refused = try #require(refusal)
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("disk full"))
        let verify = try ClientRun.run(["verify", "--journal", journal], socket: daemon.socketPath)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count == acked)
        #expect(try daemon.client(["score"]).status == 0)
        try FileManager.default.removeItem(atPath: filler)
        #expect(try daemon.client(["comment", big]).status == 0)
        #expect(try ClientRun.run(["verify", "--journal", journal], socket: daemon.socketPath).status == 0)
        print(
            "ENOSPC on tmpfs: \(acked) acknowledged, then refused with 75, no half record, accepted again after space freed"
        )
    }

    @Test func injectedSyncFailureStopsTheDaemonAndReplayRecovers() throws {
        var cases = 0
        for failing in 1...4 {
            let daemon = try DaemonHarness()
            try daemon.start(
                arguments: [], strace: ["-e", "trace=fdatasync", "-e", "inject=fdatasync:error=EIO:when=\(failing)"])
            var outcomes: [Int32] = []
            for index in 1...6 {
                let run = try daemon.client(["like", "--json", "attempt \(index)"])
                outcomes.append(run.status)
                if run.status != 0 { break }
            }
            #expect(outcomes.dropLast().allSatisfy { $0 == 0 })
            #expect(outcomes.last != 0, "fdatasync #\(failing) failed but the event was acknowledged")
            let exit = daemon.process?.wait(seconds: 20)
            #expect(exit != nil && exit != 0, "the daemon must stop after a failed fdatasync")
            try daemon.start()
            let lines = try daemon.journalLines()
            #expect(lines.count >= failing - 1)
            #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 0)
            cases += 1
        }
        print("fdatasync EIO injected at calls 1-4: \(cases) cases, never acknowledged, daemon exited, replay clean")
    }

    /// The write-back before the journal is read at start (fsync) fails: the daemon refuses to
    /// start rather than replay what the disk may not hold; the next start recovers.
    @Test func injectedWriteBackFailureAtStartRefusesToStart() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        #expect(try daemon.client(["like", "before"]).status == 0)
        #expect(daemon.stop() == 0)
        #expect {
            try daemon.start(arguments: [], strace: ["-e", "trace=fsync", "-e", "inject=fsync:error=EIO:when=1"])
        } throws: { error in
            String(describing: error).contains("cannot read") && String(describing: error).contains("(74)")
        }
        try daemon.start()
        #expect(try daemon.journalLines().count == 1)
        #expect(try daemon.client(["like", "after"]).status == 0)
        print("fsync EIO injected at the start-up write-back: refused to start (74), the next start recovered")
    }

    @Test func injectedWriteFailuresAreRefusedAndTheDaemonKeepsServing() throws {
        var cases = 0
        for (error, code) in [("ENOSPC", Int32(75)), ("EIO", Int32(74))] {
            for failing in 1...4 {
                let daemon = try DaemonHarness()
                try daemon.start(
                    arguments: [],
                    strace: ["-e", "trace=pwrite64", "-e", "inject=pwrite64:error=\(error):when=\(failing)"])
                var statuses: [Int32] = []
                for index in 1...6 { statuses.append(try daemon.client(["like", "attempt \(index)"]).status) }
                #expect(statuses[failing - 1] == code, "\(error) at write \(failing): \(statuses)")
                #expect(statuses.enumerated().allSatisfy { $0.offset == failing - 1 || $0.element == 0 })
                #expect(try daemon.journalLines().count == 5)
                #expect(try daemon.client(["verify", "--journal", daemon.journalPath]).status == 0)
                cases += 1
            }
        }
        print("write ENOSPC/EIO injected at calls 1-4: \(cases) cases refused, file cut back, daemon kept serving")
    }

    @Test func powerCutOnExt4LosesNothingAcknowledged() throws {
        try requireRoot()
        let daemon = try DaemonHarness()
        let image = daemon.directory + "/disk.img"
        let mountPoint = daemon.directory + "/ext4"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        #expect(try Tool.run("/usr/bin/truncate", ["-s", "64M", image]).status == 0)
        let attach = try Tool.run("/usr/sbin/losetup", ["-f", "--show", image])
        guard attach.status == 0 else {
            Issue.record("no loop device: \(attach.stderr)")
            return
        }
        let device = attach.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        defer {
            _ = try? Tool.run("/bin/umount", ["-l", mountPoint])
            _ = try? Tool.run("/usr/sbin/losetup", ["-d", device])
        }
        #expect(try Tool.run("/usr/sbin/mkfs.ext4", ["-q", "-F", device]).status == 0)
        let ledger = AckLedger()
        let rounds = 8
        var found = 0
        for round in 0..<rounds {
            let mounted = try Tool.run("/bin/mount", [device, mountPoint])
            #expect(mounted.status == 0, "\(mounted.stderr)")
            try daemon.start(arguments: ["--state-dir", mountPoint + "/state"])
            found = try ledger.verify(journal: mountPoint + "/state/journal.jsonl", context: "power cut \(round)")
            let clients = LoadClients.run(socket: daemon.socketPath, threads: 3, prefix: "p\(round)", ledger: ledger)
            usleep(useconds_t(20_000 + round * 9_000))
            let cut = try Tool.run(
                "/usr/bin/python3",
                [
                    "-c",
                    "import fcntl,os,struct,sys,time; fd=os.open(sys.argv[1],os.O_RDONLY); print(time.time()); "
                        + "fcntl.ioctl(fd,0x8004587D,struct.pack('I',2))", mountPoint,
                ])
            #expect(cut.status == 0, "EXT4_IOC_SHUTDOWN: \(cut.stderr)")
            daemon.stop(signal: SIGKILL)
            LoadClients.join(clients)
            // The cut began when the ioctl was called: an fdatasync that returned while it ran
            // raced the power cut, which a real one would not have let return.
            let cutStart = try #require(Double(cut.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            ledger.excludeAcks(receivedAfter: Date(timeIntervalSince1970: cutStart))
            #expect(try Tool.run("/bin/umount", [mountPoint]).status == 0)
        }
        #expect(try Tool.run("/bin/mount", [device, mountPoint]).status == 0)
        try daemon.start(arguments: ["--state-dir", mountPoint + "/state"])
        found = try ledger.verify(journal: mountPoint + "/state/journal.jsonl", context: "after power cuts")
        daemon.stop()
        print(
            "power cut (ext4, EXT4_IOC_SHUTDOWN no log flush): \(rounds) rounds, \(ledger.acks.count) acknowledged "
                + "before the cut, all found (\(found) records); \(ledger.racing.count) acks raced the cut")
        #expect(ledger.acks.count > 0)
    }

    func requireRoot() throws {
        guard getuid() == 0 else {
            throw DaemonHarness.Failure(
                description: "this torture case needs root (mount, losetup): run `make torture` as root")
        }
    }
}
