import ArgumentParser
import SSIJSON
import SSIProtocol

struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Silence score-drop alerts until a date (a vacation), or resume them.")

    @Option(
        help: """
            Until when: 2026-12-27, 2026-12-27T09:00, tomorrow, monday (the next one), friday 18:00, +2w, in 3 days.
            """)
    var until: String?

    @Flag(help: "Resume alerts now.")
    var resume = false

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard (until == nil) != !resume else { throw ValidationError("give either --until DATE or --resume") }
    }

    func run() throws {
        let result: PauseResult = try ClientExit.perform(.pause(until: resume ? nil : until), options: options.settings)
        guard !options.json else { return }
        if let until = result.pausedUntil {
            print("alerts paused until \(until)")
        } else {
            print("alerts resumed")
        }
    }
}
