/// Why the daemon cannot start or must stop; each has its own exit code.
public enum DaemonError: Error, CustomStringConvertible {
    case startup(String)
    case alreadyRunning(String)
    case configuration(String)
    case journal(String)
    case fatal(String)

    public var description: String {
        switch self {
        case .startup(let m), .alreadyRunning(let m), .configuration(let m), .journal(let m), .fatal(let m): m
        }
    }

    /// sysexits: 78 configuration, 75 temporary (already running), 74 journal I/O, 71 OS error.
    public var exitCode: Int32 {
        switch self {
        case .configuration: 78
        case .alreadyRunning: 75
        case .journal: 74
        case .startup: 71
        case .fatal: 70
        }
    }
}
