/// Every operation of the protocol: its wire name (`"op"`) and the `ssi-log` command that sends
/// it. Adding a case fails to compile until the request coding, the daemon's router and the
/// round-trip test handle it.
public enum OperationName: String, CaseIterable, Sendable {
    case log, undo, score, status, history, actions, today, reload, pause, snapshot, week, calibrate

    /// The `"op"` of a request line.
    public var wireName: String { rawValue }

    /// The `ssi-log` subcommand that sends it (`log` is also the default: `ssi-log ACTION`).
    public var commandName: String { rawValue }

    /// `ssi-log` commands that work without sending one operation of their own.
    public static let localCommandNames = ["verify", "import", "export", "report", "team", "help"]

    /// Names no catalog action may take: `ssi-log NAME` must stay the command.
    public static var reservedActionNames: Set<String> {
        Set(allCases.map(\.commandName) + localCommandNames)
    }
}
