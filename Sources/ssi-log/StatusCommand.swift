import ArgumentParser
import SSIProtocol

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's pid, uptime, journal and last event.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        try Self.show(options.settings)
    }

    /// The daemon's status: the parsed command and `ssi-log status` alone share it.
    static func show(_ settings: ClientSettings) throws {
        let result: StatusResult = try ClientExit.perform(.status, options: settings)
        guard !settings.json else { return }
        print("ssi-logd pid \(result.pid), up \(Quantity.text(result.uptimeSeconds, "second"))")
        print(
            "journal  \(result.journalPath) (\(Quantity.text(result.journalBytes, "byte")), "
                + "\(Quantity.text(result.events, "record")))")
        print("socket   \(result.socket)")
        print("config   \(result.config)")
        print("score    \(TextFormat.decimal(result.score.totalHundredths))")
        if let last = result.lastEvent { print("last     \(last.action) \(last.id) at \(last.occurred)") }
    }
}
