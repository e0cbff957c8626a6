import ArgumentParser
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// The commands typed most, `ssi-log ACTION [NOTE...]` and `--version`, answered without building
/// the command tree: argument parsing reflects over every command's options, which costs more than
/// the rest of a quick entry together. Anything else (an option, a command name) goes to the tree.
enum QuickEntry {
    /// Runs the command and returns true when it is a quick entry; false leaves it to the tree.
    static func handled(_ arguments: ArraySlice<String>) -> Bool {
        if arguments == ["--version"] {
            print(SSILog.version)
            return true
        }
        guard let action = arguments.first, isPlain(action), !OperationName.reservedActionNames.contains(action),
            arguments.dropFirst().allSatisfy(isPlain)
        else { return false }
        let note = arguments.dropFirst().joined(separator: " ")
        do {
            try LogCommand.log(LogRequest(action: action, note: note.isEmpty ? nil : note), options: ClientSettings())
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            ClientExit.printError("ssi-log: \(error)")
            exit(1)
        }
        return true
    }

    /// Not an option: quick entry takes words only (`-` and `--x` are for the parser).
    static func isPlain(_ argument: String) -> Bool {
        !argument.hasPrefix("-") && !argument.isEmpty
    }
}
