import ArgumentParser
import SSIDomain
import SSIImport
import SSIJSON
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Log the actions of a LinkedIn data export (the unzipped folder); safe to run again.",
        discussion: """
            Reads Connections.csv, Invitations.csv (sent), messages.csv (sent, and replies to yours), \
            Comments_*.csv, Endorsement_Received_Info.csv, Profile.csv and Positions.csv, whatever the \
            export's year. Each row gets a request id made from its content, so importing the same or a \
            newer export again logs only what is new.
            """)

    @Argument(help: "The unzipped export folder (Basic_LinkedInDataExport_… or Complete_…).")
    var folder: String

    @Flag(help: "Show what would be logged, without the daemon.")
    var dryRun = false

    @OptionGroup var options: ClientOptions

    func run() throws {
        let plan = LinkedInExport.plan(files: readFolder())
        guard !plan.files.isEmpty else {
            ClientExit.fail(
                "ssi-log: \(folder) holds no LinkedIn export file this reads (Connections.csv, Invitations.csv, "
                    + "messages.csv, …)", code: ClientExit.rejectedInput, options: options,
                errorCode: "invalid_argument")
        }
        if dryRun {
            report(plan, added: nil, repeated: 0, refused: [:], score: nil)
            return
        }
        var added = 0
        var repeated = 0
        var refused: [String: Int] = [:]
        var score: Score?
        let connection = ClientExit.connect(options: options)
        defer { connection.close() }
        for action in plan.actions {
            let response = ClientExit.exchange(
                Request(id: action.requestID, operation: .log(action.request)), on: connection, options: options)
            let result: LogResult
            do throws(ProtocolError) {
                result = try ClientExit.read(response, as: LogResult.self)
            } catch {
                // A catalog without the action (a user config) or a bad row: the rest still goes in.
                guard [.unknownAction, .invalidArgument, .badTime].contains(error.code) else {
                    ClientExit.printError(
                        "ssi-log: \(action.source): \(error.message); \(added) added so far; run the import again to go on"
                    )
                    throw ExitCode(error.code.exitCode)
                }
                refused["\(error.code.rawValue): \(error.message)", default: 0] += 1
                continue
            }
            if result.repeated { repeated += 1 } else { added += 1 }
            score = result.score
        }
        report(plan, added: added, repeated: repeated, refused: refused, score: score)
    }

    /// The folder's CSV files, read with plain system calls: Foundation would triple the client's
    /// size and add a millisecond to every `ssi-log` start.
    func readFolder() -> [(name: String, text: String)] {
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            let hint = folder.lowercased().hasSuffix(".zip") ? " (unzip it first)" : ""
            ClientExit.fail(
                "ssi-log: \(folder) is not a folder\(hint)", code: ClientExit.rejectedInput, options: options,
                errorCode: "invalid_argument")
        }
        guard let directory = opendir(folder) else { failToRead(folder) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.lowercased().hasSuffix(".csv") { names.append(name) }
        }
        return names.sorted().map { ($0, readFile(folder + "/" + $0)) }
    }

    func readFile(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { failToRead(path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { failToRead(path) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func failToRead(_ path: String) -> Never {
        ClientExit.fail(
            "ssi-log: cannot read \(path): \(String(cString: strerror(errno)))", code: ClientExit.ioError,
            options: options, errorCode: "io_error")
    }

    func report(_ plan: ImportPlan, added: Int?, repeated: Int, refused: [String: Int], score: Score?) {
        let counts = plan.counts.sorted { $0.key < $1.key }
        let skipped = plan.skipped.sorted { $0.key < $1.key }
        if options.json {
            var members: [(String, JSONValue)] = [
                ("owner", plan.owner.map { .string($0) } ?? .null),
                ("actions", .object(counts.map { ($0.key, .int($0.value)) })),
                ("files", .object(plan.files.map { ($0.name, .int($0.actions)) })),
                ("skipped", .object(skipped.map { ($0.key, .int($0.value)) })),
                ("ignored_files", .array(plan.ignoredFiles.map { .string($0) })),
            ]
            if let added {
                members += [
                    ("added", .int(added)), ("repeated", .int(repeated)),
                    ("refused", .object(refused.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                    ("score", score?.json ?? .null),
                ]
            }
            print(JSONValue.object(members).serialized())
            return
        }
        let summary = counts.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("\(plan.actions.count) actions in \(folder) (owner: \(plan.owner ?? "unknown")): \(summary)")
        for file in plan.files { print("  \(file.name): \(file.actions)") }
        if !skipped.isEmpty {
            print("left out: " + skipped.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !plan.ignoredFiles.isEmpty { print("not used: " + plan.ignoredFiles.joined(separator: ", ")) }
        guard let added else {
            print("dry run: nothing logged")
            return
        }
        print(
            "logged \(added) new, \(repeated) already imported"
                + (refused.isEmpty ? "" : ", \(refused.count) kinds refused:"))
        for (reason, count) in refused.sorted(by: { $0.key < $1.key }) { print("  \(count) x \(reason)") }
        if let score { print("score \(TextFormat.decimal(score.totalHundredths))") }
    }
}
