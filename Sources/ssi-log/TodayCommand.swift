import ArgumentParser
import SSIDomain
import SSIProtocol

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Today's actions against your daily goals, and your streak.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        try Self.show(options.settings)
    }

    /// Today's report: the parsed command and `ssi-log today` alone share it.
    static func show(_ settings: ClientSettings) throws {
        let result: TodayResult = try ClientExit.perform(.today, options: settings)
        guard !settings.json else { return }
        printReport(result)
    }

    static func printReport(_ result: TodayResult) {
        print("Today, \(result.date)")
        for pillar in Pillar.allCases {
            print(
                "  \(TextFormat.padded(pillar.rawValue, 14)) \(Quantity.text(result.perPillar[pillar] ?? 0, "action"))")
        }
        print("Goals:")
        for goal in result.goals {
            let mark = goal.left == 0 ? "✓" : "·"
            let left = goal.left == 0 ? "done" : "\(goal.left) to go"
            print("  \(mark) \(TextFormat.padded(goal.action, 16)) \(goal.done)/\(goal.target)  \(left)")
        }
        print(
            "Active \(result.activeDays) of the last \(Quantity.text(result.windowDays, "day"))"
                + " · streak \(Quantity.text(result.streak, "day"))")
    }
}
