import ArgumentParser
import SSIDomain
import SSIJSON
import SSIProtocol
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "One row per person from forwarded journals (systemd-journal-remote's output directory).",
        discussion: """
            Reads the ssi-logd entries that systemd-journal-upload forwarded: per machine and user, the \
            latest total and pillars, the change over --days, the last action, the alerts in the period \
            and a daily sparkline. Entries sent twice (an uploader restarted with --save-state) count once.
            """)

    @Option(help: "The directory systemd-journal-remote writes (--output=DIR/).")
    var journalDir: String

    @Option(help: "The period, in days.")
    var days: Int = 14

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660") }
    }

    func run() throws {
        let entries: [TeamView.Entry]
        do throws(JournaldDirectory.Failure) {
            entries = try JournaldDirectory.read(journalDir)
        } catch {
            ClientExit.printError("ssi-log: \(error.message)")
            throw ExitCode(ClientExit.ioError)
        }
        let view = TeamView(
            entries: entries, now: Int64(time(nil)), days: days, calendar: LocalCalendar(zone: ZoneLoader.current()))
        if json {
            print(
                JSONValue.object([
                    ("days", .int(days)), ("duplicates", .int(view.duplicates)),
                    (
                        "people",
                        .array(
                            view.rows.map { row in
                                .object([
                                    ("machine", .string(row.machine)), ("user", .string(row.user)),
                                    ("score", row.score.json),
                                    ("change", .hundredths(row.changeHundredths)),
                                    ("last_action", row.lastAction.map { .string($0) } ?? .null),
                                    (
                                        "last_action_at",
                                        row.lastActionTime.map { .string(CivilTime.formatUTC($0)) } ?? .null
                                    ),
                                    ("alerts", .int(row.alerts)),
                                ])
                            })
                    ),
                ]).serialized())
            return
        }
        guard !view.rows.isEmpty else {
            print("no ssi-logd entries in \(journalDir)")
            return
        }
        print(
            "PERSON                      TOTAL  CHANGE  BRAND  FIND  ENGAGE  RELAT.  ALERTS  LAST ACTION        \(days) DAYS"
        )
        for row in view.rows {
            let values = row.daily.map { $0.map { Double($0) / 100 } ?? 0 }
            print(
                TextFormat.padded("\(row.user)@\(row.machine)", 26) + " "
                    + TextFormat.leftPadded(TextFormat.decimal(row.score.totalHundredths), 6) + " "
                    + TextFormat.leftPadded(TextFormat.signed(row.changeHundredths), 7) + " "
                    + Pillar.allCases.map { TextFormat.leftPadded(TextFormat.decimal(row.score.hundredths($0)), 6) }
                    .joined(separator: " ") + " " + TextFormat.leftPadded(String(row.alerts), 6) + "  "
                    + TextFormat.padded(row.lastAction ?? "-", 18) + " " + TextFormat.sparkline(values, maximum: 100))
        }
        if view.duplicates > 0 {
            print("(\(Quantity.text(view.duplicates, "entry", plural: "entries")) sent twice, counted once)")
        }
    }
}
