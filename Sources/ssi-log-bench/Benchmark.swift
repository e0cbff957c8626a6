import Foundation
import SSIConfig
import SSIDomain
import SSIJournal
import SSIJournalSimulation

#if canImport(Glibc)
    import Glibc
#endif

/// `make bench`: speed and memory figures, each with a baseline measured in the same run.
@main
enum Benchmark {
    static func main() throws {
        let model = try ConfigurationLoader.load(userText: "[score]\ntimezone = \"UTC\"\n", userFile: "bench").model
        print("ssi-log benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        try appendThroughput()
        replayAndUpdate(model: model)
        try clientStartup()
        try faultSimulation()
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func event(_ seq: Int, at time: Int64) -> JournalEntry {
        let actions = ["comment", "like", "connect", "post", "message", "reply", "search", "profile-view"]
        return .action(
            ActionEvent(
                id: String(seq, radix: 16), seq: UInt64(seq), action: actions[seq % actions.count], occurred: time,
                recorded: time, note: seq % 3 == 0 ? "a note about post \(seq)" : nil))
    }

    static func temporaryDirectory() -> String {
        var template = Array("/tmp/ssibXXXXXX".utf8CString)
        return String(cString: mkdtemp(&template))
    }

    /// Group commit against the baseline of one fdatasync per record.
    static func appendThroughput() throws {
        let count = 2000
        let lines = (1...count).map { JournalRecord.encode(event($0, at: 1_764_400_000 + Int64($0))) }
        let single = temporaryDirectory()
        let (one, _) = try JournalFile.open(directory: single)
        let singleTime = try seconds { for line in lines { try one.append([line]) } }
        let grouped = temporaryDirectory()
        let (batch, _) = try JournalFile.open(directory: grouped)
        let groupTime = try seconds {
            for start in stride(from: 0, to: count, by: 32) {
                try batch.append(Array(lines[start..<min(count, start + 32)]))
            }
        }
        let perSingle = Double(count) / singleTime
        let perGroup = Double(count) / groupTime
        print(
            String(
                format: "append+fdatasync: %.0f records/s one at a time (baseline, %.0f us each); "
                    + "%.0f records/s in groups of 32 (%.1fx)", perSingle, singleTime / Double(count) * 1e6, perGroup,
                perGroup / perSingle))
        try? FileManager.default.removeItem(atPath: single)
        try? FileManager.default.removeItem(atPath: grouped)
    }

    static func journalBytes(count: Int, end: Int64) -> [UInt8] {
        var bytes: [UInt8] = []
        for seq in 1...count {
            bytes += JournalRecord.encode(event(seq, at: end - Int64(count - seq) * 300))
            bytes.append(10)
        }
        return bytes
    }

    /// Replay speed, and the cost of one more event at two journal lengths with the same activity
    /// in the score window (O(1) in the journal's length means a ratio near 1).
    static func replayAndUpdate(model: ScoreModel) {
        let end: Int64 = 1_764_400_000
        let bytes = journalBytes(count: 100_000, end: end)
        var scan = JournalScan.scan([])
        let scanTime = seconds { scan = JournalScan.scan(bytes) }
        var state = ScoreState(model: model)
        let applyTime = seconds { for entry in scan.entries { try? state.apply(entry) } }
        print(
            String(
                format: "replay of %d records (%.1f MiB): parse+verify %.0f records/s, apply %.0f events/s",
                scan.entries.count, Double(bytes.count) / 1_048_576, Double(scan.entries.count) / scanTime,
                Double(scan.entries.count) / applyTime))
        func perEvent(_ state: ScoreState) -> Double {
            var copy = state
            let rounds = 2000
            let time = seconds {
                for index in 0..<rounds {
                    try? copy.apply(event(1_000_000 + index, at: end + Int64(index) * 60))
                    _ = copy.score(at: end + Int64(index) * 60)
                }
            }
            return time / Double(rounds)
        }
        var smaller = ScoreState(model: model)
        for entry in JournalScan.scan(journalBytes(count: 30_000, end: end)).entries { try? smaller.apply(entry) }
        let smallCost = perEvent(smaller)
        let largeCost = perEvent(state)
        print(
            String(
                format: "one event + score (one event per 5 min, 90-day window full): %.1f us at 30,000 records "
                    + "(baseline), %.1f us at 100,000 (%.2fx)", smallCost * 1e6, largeCost * 1e6, largeCost / smallCost)
        )
        let residentKiB =
            (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("VmRSS:") }.map { $0.filter(\.isNumber) } ?? "?"
        print("benchmark process RSS with both states and the 100,000-record file in memory: \(residentKiB) KiB")
    }

    /// Starts a program with its standard output and error on /dev/null.
    static func spawn(_ path: String, _ arguments: [String], environment: [String] = []) -> pid_t {
        var pid: pid_t = 0
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let inherited = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp = (inherited + environment).map { strdup($0) } + [nil]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn(&pid, path, &actions, nil, argv, envp)
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
        envp.forEach { free($0) }
        return pid
    }

    /// Waits for a child and returns its exit status (-1 when killed by a signal).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }

    static func builtBinary(_ name: String) -> String? {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The quick-entry client's start-up against `/bin/true`, both spawned the same way.
    static func clientStartup() throws {
        guard let binary = builtBinary("ssi-log") else {
            print("client start-up: ssi-log not built next to the benchmark, skipped")
            return
        }
        func spawnTime(_ path: String, _ arguments: [String]) -> Double {
            let rounds = 100
            return seconds {
                for _ in 0..<rounds { _ = wait(spawn(path, arguments)) }
            } / Double(rounds)
        }
        let baseline = spawnTime("/bin/true", [])
        let client = spawnTime(binary, ["--version"])
        print(
            String(
                format: "client start-up: ssi-log --version %.1f ms, /bin/true %.1f ms (baseline; %.1fx)", client * 1e3,
                baseline * 1e3, client / baseline))
    }

    /// Fault scenarios on the simulated disk, against the baseline of appends to a real file: how
    /// many faults and power cuts are tried and checked per second of machine time.
    static func faultSimulation() throws {
        let scenarios = 2_000
        var tally = ScenarioTally()
        let simulated = seconds {
            for seed in 1...UInt64(scenarios) { tally.add(FaultScenario(seed: seed).run()) }
        }
        guard tally.problems.isEmpty else {
            print("fault simulation: \(tally.problems.count) problems, first: \(tally.problems[0])")
            exit(1)
        }
        let crashRounds = realCrashRounds()
        let faults = tally.faults.values.reduce(0, +)
        let cuts = tally.powerCuts.values.reduce(0, +)
        print(
            String(
                format: "fault simulation: %d scenarios in %.2f s: %d appends, %d faults injected, %d power-cut "
                    + "images checked (%.0f/s), 0 problems; baseline: real ssi-logd start, log, kill -9: %.1f "
                    + "rounds/s; crash images checked per second, simulated/real: %.0fx", scenarios, simulated,
                tally.appends, faults, cuts, Double(cuts) / simulated, crashRounds,
                Double(cuts) / simulated / crashRounds))
    }

    /// Rounds per second of the crash loop on the real daemon: start it, log once, kill -9.
    static func realCrashRounds() -> Double {
        guard let daemon = builtBinary("ssi-logd"), let client = builtBinary("ssi-log") else {
            print("crash rounds: ssi-logd or ssi-log not built next to the benchmark")
            exit(1)
        }
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["SSI_LOG_SOCKET=\(directory)/s.sock", "XDG_CONFIG_HOME=\(directory)"]
        let rounds = 20
        let time = seconds {
            for _ in 0..<rounds {
                let pid = spawn(daemon, ["--state-dir", directory + "/state"], environment: environment)
                // The first `like` that succeeds is the readiness probe and the round's acknowledged event.
                var attempts = 0
                while wait(spawn(client, ["like"], environment: environment)) != 0, attempts < 2_000 {
                    attempts += 1
                    usleep(1_000)
                }
                kill(pid, SIGKILL)
                _ = wait(pid)
            }
        }
        return Double(rounds) / time
    }
}
