import ArgumentParser
import SSIDomain
import SSIProtocol

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "The closing score of each local day, with a chart.")

    /// `--days` when it is not given.
    static let defaultDays = 14

    @Option(help: "How many days, today included.")
    var days: Int = defaultDays

    @Flag(help: "Print CSV: date,total,brand,find,engage,relationships.")
    var csv = false

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660") }
        guard !(csv && options.json) else { throw ValidationError("choose one of --csv and --json") }
    }

    func run() throws {
        try Self.show(days: days, csv: csv, options.settings)
    }

    /// The days asked for, as CSV or a chart: the parsed command and `ssi-log history` alone share it.
    static func show(days: Int, csv: Bool, _ settings: ClientSettings) throws {
        let result: HistoryResult = try ClientExit.perform(.history(days: days), options: settings)
        guard !settings.json else { return }
        if csv {
            print("date,total," + Pillar.allCases.map(\.rawValue).joined(separator: ",") + ",linkedin_total")
            for day in result.days {
                let values = [day.score.totalHundredths] + Pillar.allCases.map { day.score.hundredths($0) }
                print(
                    day.date + "," + values.map(TextFormat.decimal).joined(separator: ",") + ","
                        + (day.snapshot.map { String($0.values.total) } ?? ""))
            }
            return
        }
        for day in result.days {
            print(
                "\(day.date)  \(TextFormat.leftPadded(TextFormat.decimal(day.score.totalHundredths), 6))  "
                    + TextFormat.bar(day.score.total, maximum: 100, width: 40)
                    + (day.snapshot.map { "  ◆ LinkedIn \($0.values.total)" } ?? ""))
        }
        for pillar in Pillar.allCases {
            let values = result.days.map { $0.score.value(pillar) }
            print("\(TextFormat.padded(pillar.rawValue, 14)) \(TextFormat.sparkline(values, maximum: 25))")
        }
    }
}
