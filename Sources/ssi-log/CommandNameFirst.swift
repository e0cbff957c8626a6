/// Puts a command name typed after the options every command takes (`ssi-log --json today`,
/// `ssi-log --socket PATH status`) in front of them, where the parser looks for it: otherwise the
/// default command (`log`) takes the options and reads the command's name as an action to log.
enum CommandNameFirst {
    /// `arguments` with the command name first when only `ClientOptions` (`--json`, `--socket`)
    /// come before it; unchanged otherwise.
    static func reordered(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" || argument.hasPrefix("--socket=") {
                index += 1
            } else if argument == "--socket" {
                index += 2
            } else {
                break
            }
        }
        guard index > 0, index < arguments.count else { return arguments }
        let commandNames = SSILog.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard commandNames.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + arguments[..<index] + arguments[(index + 1)...]
    }
}
