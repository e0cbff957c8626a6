import ArgumentParser
import SSIProtocol

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List the action catalog with each action's pillar, points and daily cap.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result: ActionsResult = try ClientExit.perform(.actions, options: options.settings)
        guard !options.json else { return }
        print("\(TextFormat.padded("ACTION", 16)) \(TextFormat.padded("PILLAR", 14)) POINTS  CAP  SUMMARY")
        for action in result.actions {
            print(
                "\(TextFormat.padded(action.name, 16)) \(TextFormat.padded(action.pillar.rawValue, 14)) "
                    + "\(TextFormat.leftPadded(TextFormat.decimal(action.pointsHundredths), 6)) "
                    + "\(TextFormat.leftPadded(String(action.dailyCap), 4))  \(action.summary)")
        }
    }
}
