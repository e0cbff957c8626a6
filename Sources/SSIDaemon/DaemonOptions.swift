/// What the `ssi-logd` command line and environment decide.
public struct DaemonOptions: Sendable {
    /// Where logs go: the journal, stderr, or the journal when stderr already is (`JOURNAL_STREAM`).
    public enum LogTarget: String, Sendable, CaseIterable {
        case auto
        case journal
        case stderr
    }

    public var socketPath: String
    public var stateDirectory: String
    /// An explicit config file must exist; the default one is optional.
    public var configFile: String
    public var configRequired: Bool
    public var logTarget: LogTarget

    public init(
        socketPath: String, stateDirectory: String, configFile: String, configRequired: Bool, logTarget: LogTarget
    ) {
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.configFile = configFile
        self.configRequired = configRequired
        self.logTarget = logTarget
    }
}
