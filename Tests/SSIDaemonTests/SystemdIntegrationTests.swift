import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon as a systemd citizen, with the real tools: socket activation, sd_notify, the units
/// and the message catalog.
@Suite struct SystemdIntegrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func socketActivationAdoptsTheSocketAndServesAnEarlyClient() throws {
        let daemon = try DaemonHarness()
        let path = daemon.directory + "/act.sock"
        let errors = try CapturedOutput()
        // systemd-socket-activate passes only the variables named with -E.
        let sanitizerOptions = ["ASAN_OPTIONS", "TSAN_OPTIONS"].compactMap { name in
            ProcessInfo.processInfo.environment[name].map { ["-E", "\(name)=\($0)"] }
        }.flatMap { $0 }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        let process = try ChildProcess(
            "/usr/bin/systemd-socket-activate",
            [
                "-l", path, "--fdname=ssi-logd", "-E", "NOTIFY_SOCKET=\(daemon.notify.path)", "-E", "TZ=UTC",
            ] + sanitizerOptions + [
                try DaemonHarness.binary("ssi-logd"), "--state-dir", daemon.stateDirectory, "--log-target", "stderr",
            ], environment: environment, stdout: nil, stderr: errors.handle.fileDescriptor)
        defer {
            // systemd-socket-activate ignores SIGTERM until it has started the daemon: a test that
            // failed before connecting must not wait for it forever.
            process.signal(SIGTERM)
            let exit = process.wait(seconds: 20)
            if exit == nil {
                process.signal(SIGKILL)
                _ = process.wait()
            }
            #expect(exit == 0)
        }
        // systemd-socket-activate binds, then listens, then starts the daemon on the first
        // connection: the socket file appears before a connect can succeed, so retry the connect.
        let deadline = Date().addingTimeInterval(15)
        var early: RawConnection?
        while early == nil {
            do {
                early = try RawConnection(path: path)
            } catch {
                guard Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        let connection = try #require(early)
        try connection.send(#"{"v":1,"id":"early","op":"log","action":"comment"}"# + "\n")
        let response = try #require(try connection.readLine())
        #expect(response.contains(#""id":"early","result""#))
        let ready = try daemon.waitFor("READY=1")
        #expect(ready.joined().contains("STATUS="))
        let status = try ClientRun.run(["status", "--json"], socket: path).json()
        #expect(status["pid"] as? Int == Int(process.pid))
        #expect(status["socket"] as? String == "(socket activation)")
    }

    @Test func reloadIsWrappedInReloadingAndReady() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let reload = try daemon.client(["reload"])
        #expect(reload.status == 0)
        let messages = try daemon.waitFor("READY=1")
        #expect(messages.first?.contains("RELOADING=1") == true)
        daemon.process!.signal(SIGHUP)
        let afterSignal = try daemon.waitFor("READY=1")
        #expect(afterSignal.contains { $0.contains("RELOADING=1") })
        #expect(try daemon.client(["comment"]).status == 0)
    }

    @Test func aReloadWithABadConfigKeepsTheOldOne() throws {
        let daemon = try DaemonHarness()
        let config = daemon.directory + "/c.toml"
        try "[actions.comment]\npoints = 2\n".write(toFile: config, atomically: true, encoding: .utf8)
        try daemon.start(arguments: ["--config", config])
        try "[actions.comment]\npointz = 2\n".write(toFile: config, atomically: true, encoding: .utf8)
        let reload = try daemon.client(["reload"])
        #expect(reload.status == 65)
        #expect(reload.stderr.contains("unknown key 'pointz'"))
        #expect(try daemon.client(["comment"]).status == 0)
    }

    /// `WatchdogSec=2`: pings must come every second (half the interval), not every two.
    @Test func watchdogPingsAtHalfTheInterval() throws {
        let daemon = try DaemonHarness()
        daemon.environment["WATCHDOG_USEC"] = "2000000"
        try daemon.start()
        try daemon.waitFor("WATCHDOG=1", timeout: 5)
        var pings: [Date] = [Date()]
        for _ in 0..<4 {
            try daemon.waitFor("WATCHDOG=1", timeout: 5)
            pings.append(Date())
        }
        let gaps = zip(pings.dropFirst(), pings).map { $0.timeIntervalSince($1) }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        print("watchdog: WATCHDOG_USEC=2000000, gaps \(gaps.map { String(format: "%.2f", $0) }) s")
        // Half the interval is 1.0 s; the full interval (2.0 s) or a busy loop both fail.
        #expect(mean > 0.8 && mean < 1.3, "mean gap \(mean) s")
        #expect(gaps.allSatisfy { $0 < 1.7 }, "\(gaps)")
    }

    @Test func theUnitsVerifyCleanly() throws {
        let directory = try unitDirectory()
        let runtime = directory + "/rt"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        let verify = try Tool.run(
            "/usr/bin/systemd-analyze",
            ["--user", "verify", "--man=no", directory + "/ssi-logd.socket", directory + "/ssi-logd.service"],
            environment: ["XDG_RUNTIME_DIR": runtime])
        #expect(verify.status == 0)
        #expect(verify.stderr.isEmpty, "\(verify.stderr)")
    }

    @Test func theServiceExposureIsTwoOrLower() throws {
        let directory = try unitDirectory()
        let security = try Tool.run(
            "/usr/bin/systemd-analyze", ["security", "--offline=true", "--user", directory + "/ssi-logd.service"],
            environment: ["XDG_RUNTIME_DIR": directory])
        let line = try #require(security.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        print("systemd-analyze security: ssi-logd.service exposure \(score)")
        #expect(score <= 2.0)
    }

    @Test func theCatalogCompiles() throws {
        let directory = try unitDirectory()
        let catalogDirectory = directory + "/root/usr/lib/systemd/catalog"
        try FileManager.default.createDirectory(atPath: catalogDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.root.appendingPathComponent("systemd/ssi-logd.catalog").path,
            toPath: catalogDirectory + "/ssi-logd.catalog")
        let update = try Tool.run("/usr/bin/journalctl", ["--root=\(directory)/root", "--update-catalog"])
        #expect(update.status == 0, "\(update.stderr)")
        let list = try Tool.run("/usr/bin/journalctl", ["--root=\(directory)/root", "--list-catalog"])
        #expect(list.stdout.contains("cba65c0b073e4dcab9e98a86cdcf159d"))
        #expect(list.stdout.contains("3b7fab1ca39a4955b9e7cdb58d1395ac"))
        #expect(list.stdout.contains("0b39a620bee04d769da1f06aa239dcb6"))
    }

    /// The units as `make install` writes them, pointing at the binaries just built.
    func unitDirectory() throws -> String {
        var template = Array("/tmp/ssiuXXXXXX".utf8CString)
        let directory = String(cString: mkdtemp(&template))
        let service = try String(
            contentsOf: Self.root.appendingPathComponent("systemd/ssi-logd.service"), encoding: .utf8)
        try service.replacingOccurrences(of: "@BINDIR@", with: DaemonHarness.binDirectory)
            .write(toFile: directory + "/ssi-logd.service", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: Self.root.appendingPathComponent("systemd/ssi-logd.socket").path,
            toPath: directory + "/ssi-logd.socket")
        return directory
    }
}
