import ArgumentParser
import SSIJSON

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "The closing score of each local day, with a chart.")

    @Option(help: "How many days, today included.")
    var days: Int = 14

    @Flag(help: "Print CSV: date,total,brand,find,engage,relationships.")
    var csv = false

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError("--days must be between 1 and 3660") }
        guard !(csv && options.json) else { throw ValidationError("choose one of --csv and --json") }
    }

    func run() throws {
        let result = try ClientExit.perform(.history(days: days), options: options)
        guard !options.json else { return }
        let rows = result["days"]?.arrayValue ?? []
        if csv {
            print("date,total," + TextFormat.pillars.joined(separator: ","))
            for row in rows {
                let values =
                    [TextFormat.number(row["total"])]
                    + TextFormat.pillars.map { TextFormat.number(row["pillars"]?[$0]) }
                print((row["date"]?.stringValue ?? "") + "," + values.joined(separator: ","))
            }
            return
        }
        for row in rows {
            let total = row["total"]?.doubleValue ?? 0
            print(
                "\(row["date"]?.stringValue ?? "")  \(TextFormat.leftPadded(TextFormat.number(row["total"]), 6))  "
                    + TextFormat.bar(total, maximum: 100, width: 40))
        }
        for pillar in TextFormat.pillars {
            let values = rows.map { $0["pillars"]?[pillar]?.doubleValue ?? 0 }
            print("\(TextFormat.padded(pillar, 14)) \(TextFormat.sparkline(values, maximum: 25))")
        }
    }
}
