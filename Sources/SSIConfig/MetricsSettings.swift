/// The opt-in Prometheus text file (`[metrics]`): off when `textfile` is empty.
public struct MetricsSettings: Sendable, Equatable {
    /// Where the file is kept (node_exporter's textfile collector reads `*.prom`); nil: off.
    public var textfile: String?
    /// The `user` label; nil: the login name.
    public var user: String?
    /// The file is rewritten at most this often after changes (and at every alert check).
    public var intervalSeconds: Int

    public init(textfile: String? = nil, user: String? = nil, intervalSeconds: Int = 5) {
        self.textfile = textfile
        self.user = user
        self.intervalSeconds = intervalSeconds
    }
}
