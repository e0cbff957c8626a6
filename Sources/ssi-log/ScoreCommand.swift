import ArgumentParser
import SSIJSON

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Show the score: the total and the four pillars.")

    @Flag(help: "Explain each pillar: its components, the top actions and the next best actions.")
    var explain = false

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result = try ClientExit.perform(.score(explain: explain), options: options)
        guard !options.json else { return }
        print("SSI \(TextFormat.number(result["total"])) / 100")
        for pillar in TextFormat.pillars {
            let value = explain ? result["pillars"]?[pillar]?["score"] : result["pillars"]?[pillar]
            let number = value?.doubleValue ?? 0
            print(
                "  \(TextFormat.padded(pillar, 14)) \(TextFormat.leftPadded(TextFormat.number(value), 5)) / 25  "
                    + TextFormat.bar(number, maximum: 25, width: 25))
            guard explain, let components = result["pillars"]?[pillar]?["components"]?.arrayValue else { continue }
            for component in components {
                print(
                    "      \(TextFormat.padded(component["name"]?.stringValue ?? "", 18)) "
                        + "\(TextFormat.leftPadded(TextFormat.number(component["points"]), 6)) pts  "
                        + "(raw \(TextFormat.number(component["raw"])); \(component["detail"]?.stringValue ?? ""))")
            }
        }
        guard explain else { return }
        if let top = result["top_actions"]?.arrayValue, !top.isEmpty {
            print("Carrying most of your activity now:")
            for item in top {
                print(
                    "  \(TextFormat.padded(item["action"]?.stringValue ?? "", 18)) raw \(TextFormat.number(item["raw"]))"
                )
            }
        }
        print("Next best actions (points one more would add now):")
        for item in (result["next_best_actions"]?.arrayValue ?? []).prefix(8) {
            print(
                "  \(TextFormat.padded(item["action"]?.stringValue ?? "", 18)) "
                    + "\(TextFormat.signed(item["gain"]))  (\(item["pillar"]?.stringValue ?? ""))")
        }
    }
}
