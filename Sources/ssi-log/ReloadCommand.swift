import ArgumentParser
import SSIJSON
import SSIProtocol

struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Make the daemon re-read its configuration (waits until it is done).")

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result: ReloadResult = try ClientExit.perform(.reload, options: options.settings)
        guard !options.json else { return }
        print("reloaded \(result.config)")
    }
}
