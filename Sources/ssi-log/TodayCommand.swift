import ArgumentParser
import SSIJSON

struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today", abstract: "Today's actions against your daily goals, and your streak.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result = try ClientExit.perform(.today, options: options)
        guard !options.json else { return }
        print("Today, \(result["date"]?.stringValue ?? "")")
        for pillar in TextFormat.pillars {
            print("  \(TextFormat.padded(pillar, 14)) \(TextFormat.number(result["pillars"]?[pillar])) actions")
        }
        print("Goals:")
        for goal in result["goals"]?.arrayValue ?? [] {
            let done = goal["done"]?.intValue ?? 0
            let target = goal["target"]?.intValue ?? 0
            let mark = done >= target ? "✓" : "·"
            let left = done >= target ? "done" : "\(target - done) to go"
            print("  \(mark) \(TextFormat.padded(goal["action"]?.stringValue ?? "", 16)) \(done)/\(target)  \(left)")
        }
        print(
            "Active \(TextFormat.number(result["active_days"])) of the last \(TextFormat.number(result["window_days"])) days"
                + " · streak \(TextFormat.number(result["streak"])) days")
    }
}
