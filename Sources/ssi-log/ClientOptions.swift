import ArgumentParser

/// Options every command that talks to the daemon takes.
struct ClientOptions: ParsableArguments {
    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(help: "Daemon socket (default: $SSI_LOG_SOCKET, else $XDG_RUNTIME_DIR/ssi-log/ssi-logd.sock).")
    var socket: String?

    var settings: ClientSettings { ClientSettings(json: json, socket: socket) }
}
