import ArgumentParser
import SSIProtocol

struct WeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "The weekly word for a week (the last complete one by default), as the journal gets it.")

    @Option(help: "An ISO week, like 2026-W47.")
    var week: String?

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result: WeekResult = try ClientExit.perform(.week(week), options: options.settings)
        guard !options.json else { return }
        print(result.message)
    }
}
