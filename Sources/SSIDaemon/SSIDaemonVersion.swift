/// The version the daemon reports (`--version`, the metrics' build info).
public enum SSIDaemonVersion {
    public static let current = "0.1.0"
}
