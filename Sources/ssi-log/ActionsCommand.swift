import ArgumentParser
import SSIJSON

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List the action catalog with each action's pillar, points and daily cap.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result = try ClientExit.perform(.actions, options: options)
        guard !options.json else { return }
        print("\(TextFormat.padded("ACTION", 16)) \(TextFormat.padded("PILLAR", 14)) POINTS  CAP  SUMMARY")
        for action in result["actions"]?.arrayValue ?? [] {
            print(
                "\(TextFormat.padded(action["name"]?.stringValue ?? "", 16)) "
                    + "\(TextFormat.padded(action["pillar"]?.stringValue ?? "", 14)) "
                    + "\(TextFormat.leftPadded(TextFormat.number(action["points"]), 6)) "
                    + "\(TextFormat.leftPadded(TextFormat.number(action["daily_cap"]), 4))  "
                    + (action["summary"]?.stringValue ?? ""))
        }
    }
}
