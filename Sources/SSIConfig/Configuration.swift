import SSIDomain

/// The whole configuration: the score model, alerts and daemon limits.
public struct Configuration: Sendable {
    public var model: ScoreModel
    public var alerts: AlertSettings
    public var daemon: DaemonSettings
    public var metrics: MetricsSettings
    /// Where it came from: a file path, or `built-in defaults`.
    public var source: String

    public init(
        model: ScoreModel, alerts: AlertSettings, daemon: DaemonSettings, metrics: MetricsSettings = MetricsSettings(),
        source: String
    ) {
        self.metrics = metrics
        self.model = model
        self.alerts = alerts
        self.daemon = daemon
        self.source = source
    }
}
