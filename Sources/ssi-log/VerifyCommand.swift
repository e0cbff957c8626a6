import ArgumentParser
import SSIJSON
import SSIJournal
import SSIProtocol

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a journal offline (no daemon needed): exit 0 when intact, 65 when any record is damaged.")

    @Option(help: "The journal file (default: journal.jsonl in the state directory).")
    var journal: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let path = journal ?? DefaultPaths.journal(inStateDirectory: DefaultPaths.stateDirectory())
        let scan = try ClientExit.scanJournal(path)
        var problems: [(line: Int, offset: Int, reason: String)] = scan.problems.map {
            ($0.line, $0.offset, $0.reason.description)
        }
        for gap in scan.gaps {
            problems.append((0, 0, "records missing between seq \(gap.after) and \(gap.before)"))
        }
        if json {
            print(
                JSONValue.object([
                    ("journal", .string(path)), ("intact", .bool(problems.isEmpty)),
                    ("records", .int(scan.entries.count)), ("last_seq", .int(scan.lastSeq)),
                    (
                        "problems",
                        .array(
                            problems.map {
                                .object([
                                    ("line", .int($0.line)), ("offset", .int($0.offset)),
                                    ("reason", .string($0.reason)),
                                ])
                            })
                    ),
                ]).serialized())
        } else if problems.isEmpty {
            print("\(path): intact, \(scan.entries.count) records, last seq \(scan.lastSeq)")
        } else {
            print("\(path): \(problems.count) damaged, \(scan.entries.count) records intact")
            for problem in problems {
                print("  line \(problem.line), byte \(problem.offset): \(problem.reason)")
            }
        }
        if !problems.isEmpty { throw ExitCode(65) }
    }
}
