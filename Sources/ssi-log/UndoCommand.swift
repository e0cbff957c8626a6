import ArgumentParser
import SSIJSON
import SSIProtocol

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Undo an event (the latest when no id is given) with a compensating record.")

    @Argument(help: "The event id printed when it was logged.")
    var eventID: String?

    @OptionGroup var options: ClientOptions

    func run() throws {
        try Self.undo(eventID, options.settings)
    }

    /// Undoes the event (the latest when nil): the parsed command and `ssi-log undo [ID]` share it.
    static func undo(_ eventID: String?, _ settings: ClientSettings) throws {
        let result: UndoResult = try ClientExit.perform(.undo(target: eventID), options: settings)
        guard !settings.json else { return }
        print("undid \(result.action) \(result.undone) · score \(TextFormat.decimal(result.score.totalHundredths))")
    }
}
