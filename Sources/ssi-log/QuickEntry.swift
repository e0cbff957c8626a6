import ArgumentParser
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// The commands typed most, answered without building the command tree: `ssi-log ACTION [NOTE...]`,
/// `ssi-log` alone, `score`, `today`, `status`, `history`, `undo [ID]` (each with `--json` or not)
/// and `--version`. Argument
/// parsing reflects over every command's options (the runtime then scans every protocol conformance
/// in the binary), which costs more than the rest of such a command together. Anything else (an
/// option, another command name) goes to the tree, which answers the same commands alike.
enum QuickEntry {
    /// Runs the command and returns true when it is a quick entry; false leaves it to the tree.
    static func handled(_ arguments: ArraySlice<String>) -> Bool {
        if arguments == ["--version"] {
            print(SSILog.version)
            return true
        }
        guard let command = command(arguments) else { return false }
        do {
            try command()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            ClientExit.printError("ssi-log: \(error)")
            exit(1)
        }
        return true
    }

    /// What to run for these arguments with the options' defaults (`--json` aside, which status bars
    /// polling the score pass); nil when the tree must parse them.
    static func command(_ given: ArraySlice<String>) -> (() throws -> Void)? {
        var arguments = given
        var settings = ClientSettings()
        if let json = arguments.firstIndex(of: "--json") {
            arguments.remove(at: json)
            settings.json = true
        }
        guard arguments.allSatisfy(isPlain) else { return nil }
        guard let first = arguments.first else { return { try LogCommand.overview(settings) } }
        // Before a command's name, the parser takes `--json` as the default command's (`log`) and
        // the name as an action, which it refuses: left to it, so both paths answer alike.
        if given.first == "--json", OperationName.reservedActionNames.contains(first) { return nil }
        switch (first, arguments.count) {
        case ("score", 1): return { try ScoreCommand.show(settings) }
        case ("today", 1): return { try TodayCommand.show(settings) }
        case ("status", 1): return { try StatusCommand.show(settings) }
        case ("history", 1): return { try HistoryCommand.show(days: HistoryCommand.defaultDays, csv: false, settings) }
        case ("undo", 1...2): return { try UndoCommand.undo(arguments.dropFirst().first, settings) }
        default: break
        }
        guard !OperationName.reservedActionNames.contains(first) else { return nil }
        let note = arguments.dropFirst().joined(separator: " ")
        return { try LogCommand.log(LogRequest(action: first, note: note.isEmpty ? nil : note), options: settings) }
    }

    /// Not an option: quick entry takes words only (`-` and `--x` are for the parser).
    static func isPlain(_ argument: String) -> Bool {
        !argument.hasPrefix("-") && !argument.isEmpty
    }
}
