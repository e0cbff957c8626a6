#if canImport(Glibc)
    import Glibc
#endif

/// Where the daemon listens and keeps its state when nothing says otherwise; the client uses the
/// same rules so that both meet without configuration.
public enum DefaultPaths {
    public static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// `--socket`, else `$SSI_LOG_SOCKET`, else `$XDG_RUNTIME_DIR/ssi-log/ssi-logd.sock`.
    public static func socket(explicit: String? = nil) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment("SSI_LOG_SOCKET") { return fromEnvironment }
        return runtimeDirectory() + "/ssi-log/ssi-logd.sock"
    }

    static func runtimeDirectory() -> String {
        if let runtime = environment("XDG_RUNTIME_DIR") { return runtime }
        let perUser = "/run/user/\(getuid())"
        if access(perUser, W_OK) == 0 { return perUser }
        return "/tmp/ssi-log-\(getuid())"
    }

    public static func home() -> String {
        environment("HOME") ?? "/tmp"
    }

    /// `--state-dir`, else `$STATE_DIRECTORY` (the first, when systemd lists several), else
    /// `${XDG_STATE_HOME:-~/.local/state}/ssi-log`.
    public static func stateDirectory(explicit: String? = nil) -> String {
        if let explicit { return explicit }
        if let fromSystemd = environment("STATE_DIRECTORY") {
            return String(fromSystemd.split(separator: ":").first ?? Substring(fromSystemd))
        }
        return (environment("XDG_STATE_HOME") ?? home() + "/.local/state") + "/ssi-log"
    }

    /// `${XDG_CONFIG_HOME:-~/.config}/ssi-log/config.toml`.
    public static func configFile() -> String {
        (environment("XDG_CONFIG_HOME") ?? home() + "/.config") + "/ssi-log/config.toml"
    }

    /// The journal file inside a state directory.
    public static func journal(inStateDirectory directory: String) -> String { directory + "/journal.jsonl" }
}
