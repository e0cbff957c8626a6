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
        abstract: "Log a LinkedIn data export (the .zip as downloaded, or its folder), or restore an ssi-log export.",
        discussion: """
            Reads Shares, Reactions, Comments, Invitations, Connections (accepted invitations too), messages, \
            SearchQueries, Profile, Positions, Skills, endorsements and recommendations, whatever the export's \
            year. Each row gets a request id made from its content, so importing the same or a newer export \
            again logs only what is new; a row that repeats an action you typed by hand is reported, not \
            logged. A .jsonl file from `ssi-log export` is restored event by event.
            """)

    @Argument(help: "The export: Basic_/Complete_LinkedInDataExport_….zip, its unzipped folder, or a .jsonl backup.")
    var path: String

    @Flag(help: "Show what would be logged, without the daemon.")
    var dryRun = false

    @OptionGroup var options: ClientOptions

    /// Requests in flight on the one connection: enough for the daemon to batch them into few syncs.
    static let window = 128

    func run() throws {
        let plan = load()
        guard !plan.files.isEmpty else {
            ClientExit.fail(
                "ssi-log: \(path) holds no LinkedIn export file this reads (Connections.csv, Shares.csv, "
                    + "messages.csv, …)", code: ClientExit.rejectedInput, options: options.settings,
                errorCode: "invalid_argument")
        }
        if dryRun {
            report(plan, outcome: nil)
            return
        }
        let connection = ClientExit.connect(options: options.settings)
        defer { connection.close() }
        let before = try score(on: connection)
        var outcome = ImportOutcome(before: before)
        var progress = ImportProgress(total: plan.actions.count)
        var sent = 0
        var received = 0
        var stop: ProtocolError?
        while received < sent || (stop == nil && sent < plan.actions.count) {
            while stop == nil, sent < plan.actions.count, sent - received < Self.window {
                let action = plan.actions[sent]
                connection.send(Request(id: action.requestID, operation: .log(action.request)))
                sent += 1
            }
            let response = ClientExit.receive(on: connection, options: options.settings)
            let action = plan.actions[received]
            received += 1
            progress.update(done: received)
            do throws(ProtocolError) {
                let result = try ClientExit.read(response, as: LogResult.self)
                if result.duplicateOf != nil {
                    outcome.typed += 1
                } else if result.repeated {
                    outcome.repeated += 1
                } else {
                    outcome.added += 1
                }
            } catch {
                // A catalog without the action (a user config) or a bad row: the rest still goes in.
                if [.unknownAction, .invalidArgument, .badTime].contains(error.code) {
                    outcome.refused["\(error.code.rawValue): \(error.message)", default: 0] += 1
                } else if stop == nil {
                    stop = error
                    ClientExit.printError("ssi-log: \(action.source): \(error.message)")
                }
            }
        }
        progress.finish()
        for (request, requestID) in plan.snapshots where stop == nil {
            let response = ClientExit.exchange(
                Request(id: requestID, operation: .snapshot(request)), on: connection, options: options.settings)
            do throws(ProtocolError) {
                _ = try ClientExit.read(response, as: SnapshotResult.self)
                outcome.snapshots += 1
            } catch {
                outcome.refused["\(error.code.rawValue): \(error.message)", default: 0] += 1
            }
        }
        outcome.after = try score(on: connection)
        report(plan, outcome: outcome)
        if let stop {
            ClientExit.printError("ssi-log: stopped; \(outcome.added) added so far: run the import again to go on")
            throw ExitCode(stop.code.exitCode)
        }
    }

    func score(on connection: DaemonConnection) throws -> Score {
        do throws(ProtocolError) {
            return try ClientExit.read(
                ClientExit.exchange(
                    Request(id: ClientExit.randomID(), operation: .score(explain: false)), on: connection,
                    options: options.settings),
                as: Score.self)
        } catch {
            ClientExit.printError("ssi-log: \(error.message)")
            throw ExitCode(error.code.exitCode)
        }
    }

    /// The plan from a zip, a folder or an `ssi-log export` file; refuses anything else with 65.
    func load() -> ImportPlan {
        do throws(LocalFile.Failure) {
            switch LocalFile.kind(path) {
            case .directory:
                let names = try LocalFile.list(path).filter { $0.lowercased().hasSuffix(".csv") }
                var files: [(name: String, text: String)] = []
                for name in names {
                    files.append((name, String(decoding: try LocalFile.read(path + "/" + name), as: UTF8.self)))
                }
                return LinkedInExport.plan(files: files)
            case .regular:
                let bytes = try LocalFile.read(path)
                if ZipArchive.looksLikeZip(bytes) { return try planFromZip(bytes) }
                let text = String(decoding: bytes, as: UTF8.self)
                if EventRestore.looksLikeExport(text[...]) {
                    return EventRestore.plan(file: String(path.split(separator: "/").last ?? ""), text: text)
                }
                refuse("\(path) is neither a LinkedIn export (.zip or folder) nor an ssi-log export (.jsonl)")
            case .missing: refuse("\(path) does not exist")
            case .other: refuse("\(path) is not a file or folder")
            }
        } catch {
            ClientExit.fail(
                "ssi-log: \(error.message)", code: ClientExit.ioError, options: options.settings, errorCode: "io_error")
        }
    }

    func planFromZip(_ bytes: [UInt8]) throws(LocalFile.Failure) -> ImportPlan {
        do throws(ZipError) {
            let archive = try ZipArchive(bytes: bytes)
            var files: [(name: String, text: String)] = []
            for entry in archive.entries where !entry.isDirectory && entry.name.lowercased().hasSuffix(".csv") {
                files.append((entry.name, String(decoding: try archive.read(entry), as: UTF8.self)))
            }
            return LinkedInExport.plan(files: files)
        } catch {
            refuse("\(path): \(error.description); nothing was logged")
        }
    }

    func refuse(_ message: String) -> Never {
        ClientExit.fail(
            "ssi-log: \(message)", code: ClientExit.rejectedInput, options: options.settings,
            errorCode: "invalid_argument")
    }

    func report(_ plan: ImportPlan, outcome: ImportOutcome?) {
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
            if let outcome {
                members += [
                    ("added", .int(outcome.added)), ("repeated", .int(outcome.repeated)),
                    ("typed_by_hand", .int(outcome.typed)), ("snapshots", .int(outcome.snapshots)),
                    ("refused", .object(outcome.refused.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                    ("score_before", outcome.before.json), ("score", outcome.after?.json ?? .null),
                ]
            }
            print(JSONValue.object(members).serialized())
            return
        }
        let summary = counts.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print(
            "\(Quantity.text(plan.actions.count, "action")) in \(path) (owner: \(plan.owner ?? "unknown")): \(summary)")
        for file in plan.files { print("  \(file.name): \(Quantity.text(file.actions, "action"))") }
        if !skipped.isEmpty {
            print("left out: " + skipped.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !plan.ignoredFiles.isEmpty { print("not used: " + plan.ignoredFiles.joined(separator: ", ")) }
        guard let outcome else {
            print("dry run: nothing logged")
            return
        }
        print(
            "logged \(outcome.added) new, \(outcome.repeated) already imported, "
                + "\(outcome.typed) already typed by hand"
                + (outcome.snapshots > 0 ? ", \(Quantity.text(outcome.snapshots, "LinkedIn snapshot")) recorded" : "")
                + (outcome.refused.isEmpty ? "" : ", \(outcome.refused.values.reduce(0, +)) refused:"))
        for (reason, count) in outcome.refused.sorted(by: { $0.key < $1.key }) { print("  \(count) x \(reason)") }
        if let after = outcome.after {
            print(
                "score \(TextFormat.decimal(outcome.before.totalHundredths)) -> "
                    + "\(TextFormat.decimal(after.totalHundredths)) "
                    + "(\(TextFormat.signed(after.totalHundredths - outcome.before.totalHundredths)))")
        }
    }
}

/// What an import did, for its report.
struct ImportOutcome {
    var before: Score
    var after: Score?
    var added = 0
    var repeated = 0
    var typed = 0
    var snapshots = 0
    var refused: [String: Int] = [:]
}
