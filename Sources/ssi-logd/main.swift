import ArgumentParser
import SSIDaemon
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

extension DaemonOptions.LogTarget: ExpressibleByArgument {}

@main
struct SSILogd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssi-logd",
        abstract: "The ssi-log daemon: records social-selling actions and keeps the score.",
        discussion: """
            Listens on a Unix socket (or the one systemd passes), appends each action to an append-only \
            journal in the state directory, and warns in the systemd journal when the score drops.
            """,
        version: "0.1.0")

    @Option(help: "Socket path (default: $SSI_LOG_SOCKET, else $XDG_RUNTIME_DIR/ssi-log/ssi-logd.sock).")
    var socket: String?

    @Option(help: "State directory (default: $STATE_DIRECTORY, else ${XDG_STATE_HOME:-~/.local/state}/ssi-log).")
    var stateDir: String?

    @Option(help: "Configuration file (default: ${XDG_CONFIG_HOME:-~/.config}/ssi-log/config.toml if present).")
    var config: String?

    @Option(help: "Where the daemon's own logs go: auto, journal or stderr.")
    var logTarget: DaemonOptions.LogTarget = .auto

    func run() async throws {
        let options = DaemonOptions(
            socketPath: DefaultPaths.socket(explicit: socket),
            stateDirectory: DefaultPaths.stateDirectory(explicit: stateDir),
            configFile: config ?? DefaultPaths.configFile(), configRequired: config != nil, logTarget: logTarget)
        let code = await Daemon.run(options)
        if code != 0 { throw ExitCode(code) }
    }
}
