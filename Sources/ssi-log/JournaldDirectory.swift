import SSIDomain
import SSIJSON

#if canImport(Glibc)
    import Glibc
#endif

/// ssi-logd's entries read from journal files in a directory (what systemd-journal-remote
/// writes), through `journalctl --directory DIR -o json`. The release client is a fully static
/// executable (it starts in half the time of a dynamically linked one), and a static executable
/// cannot safely `dlopen` libsystemd: the library would bring a second C library into the process.
/// journalctl is systemd's own reader of those files and is installed wherever they are.
enum JournaldDirectory {
    struct Failure: Error {
        let message: String
    }

    static let kept: Set<String> = ["MESSAGE_ID", "MESSAGE", "_HOSTNAME", "_MACHINE_ID"]

    static func read(_ directory: String) throws(Failure) -> [TeamView.Entry] {
        let (output, status) = try run([
            "journalctl", "--directory", directory, "--output", "json", "--no-pager", "--quiet",
            "SYSLOG_IDENTIFIER=ssi-logd",
        ])
        var entries: [TeamView.Entry] = []
        var complaints: [String] = []
        for line in output.split(separator: UInt8(ascii: "\n")) {
            guard line.first == UInt8(ascii: "{"), let entry = entry(line) else {
                complaints.append(String(decoding: line, as: UTF8.self))
                continue
            }
            entries.append(entry)
        }
        guard status == 0 else {
            let said = complaints.isEmpty ? "" : ": " + complaints.joined(separator: "; ")
            throw Failure(message: "cannot read the journal files in \(directory) (journalctl exit \(status))\(said)")
        }
        return entries
    }

    /// One entry of journalctl's JSON: a field is a string, an array of byte values when it is not
    /// printable text, or an array of those when the entry carries it more than once (the last wins).
    static func entry<Bytes: Collection<UInt8>>(_ line: Bytes) -> TeamView.Entry? {
        guard let members = (try? JSONParser.parse(line))?.objectValue else { return nil }
        var fields: [String: String] = [:]
        var microseconds: Int64 = 0
        for (name, value) in members {
            if name == "__REALTIME_TIMESTAMP" {
                microseconds = value.stringValue.flatMap { Int64($0) } ?? 0
            } else if name.hasPrefix("SSI_") || kept.contains(name), let text = text(value) {
                fields[name] = text
            }
        }
        return TeamView.Entry(fields: fields, time: microseconds / 1_000_000)
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .array(let items):
            let bytes = items.compactMap { $0.intValue.flatMap { UInt8(exactly: $0) } }
            if bytes.count == items.count { return String(decoding: bytes, as: UTF8.self) }
            return items.last.flatMap { text($0) }
        default: return nil
        }
    }

    /// Runs a program found on `PATH` with stdout and stderr into one pipe; its output and exit status.
    private static func run(_ arguments: [String]) throws(Failure) -> (output: [UInt8], status: Int32) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(message: "cannot make a pipe for journalctl") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, arguments[0], &actions, nil, &argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else {
            throw Failure(
                message: "cannot run \(arguments[0]) (\(String(cString: strerror(spawned)))); it comes with systemd")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return (output, exited ? (status >> 8) & 0xff : 128 + status & 0x7f)
    }
}
