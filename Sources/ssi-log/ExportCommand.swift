import ArgumentParser
import SSIDomain
import SSIJournal
import SSIProtocol
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every event to JSON lines or CSV (a backup `ssi-log import` restores); no daemon needed.",
        discussion: """
            Reads the journal read-only, verifying every record's checksum. Undone events are left out \
            unless --all (then marked). `ssi-log import FILE.jsonl` into a fresh journal gives the same \
            score to the last decimal. Exit 65 when damaged records had to be left out.
            """)

    @Option(help: "jsonl (default) or csv.")
    var format: Format = .jsonl

    @Option(
        parsing: .unconditional,
        help: "Only events that happened at or after this time (as for --at: 2026-01-01, -30d, monday).")
    var since: String?

    @Option(parsing: .unconditional, help: "Only events that happened before this time.")
    var until: String?

    @Flag(help: "Leave out notes, URLs, names and tags.")
    var redact = false

    @Flag(help: "Include undone events, marked as such.")
    var all = false

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "The journal file (default: the running daemon's, else journal.jsonl in the state directory).")
    var journal: String?

    @Option(help: "Daemon socket, asked for its journal's path when --journal is not given.")
    var socket: String?

    /// The journal a running daemon uses (it may run with --state-dir); nil when none answers.
    func runningDaemonsJournal() -> String? {
        guard let connection = try? DaemonConnection(path: DefaultPaths.socket(explicit: socket)) else { return nil }
        defer { connection.close() }
        let request = Request(id: ClientExit.randomID(), operation: .status)
        guard let response = try? connection.exchange(request) else { return nil }
        return (try? ClientExit.read(response, as: StatusResult.self))?.journalPath
    }

    func run() throws {
        let path =
            journal ?? runningDaemonsJournal() ?? DefaultPaths.journal(inStateDirectory: DefaultPaths.stateDirectory())
        let scan = try ClientExit.scanJournal(path)
        let calendar = LocalCalendar(zone: ZoneLoader.current())
        let now = Int64(time(nil))
        func instant(_ text: String?) throws -> Int64? {
            guard let text else { return nil }
            do throws(TimeExpression.Failure) {
                return try TimeExpression.parse(text, now: now, calendar: calendar)
            } catch {
                ClientExit.printError("ssi-log: \(error.description)")
                throw ExitCode(ClientExit.rejectedInput)
            }
        }
        let export = EventExport(
            entries: scan.entries, includeUndone: all, since: try instant(since), until: try instant(until))
        let text = format == .csv ? export.csv(redact: redact) : export.jsonLines(redact: redact)
        if let output {
            do throws(LocalFile.Failure) {
                try LocalFile.writeAtomically(text, to: output)
            } catch {
                ClientExit.printError("ssi-log: \(error.message)")
                throw ExitCode(ClientExit.ioError)
            }
            ClientExit.printError("ssi-log: wrote \(Quantity.text(export.rows.count, "event")) to \(output)")
        } else {
            print(text, terminator: "")
        }
        let damaged = scan.problems.count + scan.gaps.count
        if damaged > 0 {
            ClientExit.printError(
                "ssi-log: \(Quantity.text(damaged, "damaged record")) left out of the export (ssi-log verify lists them)"
            )
            throw ExitCode(ClientExit.rejectedInput)
        }
    }
}
