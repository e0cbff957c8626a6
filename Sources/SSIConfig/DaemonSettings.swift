/// Resource limits of the daemon.
public struct DaemonSettings: Sendable, Equatable {
    public var maxConnections: Int
    public var idleTimeoutSeconds: Int
    public var frameTimeoutSeconds: Int
    public var maxPendingEvents: Int

    public init(
        maxConnections: Int = 512, idleTimeoutSeconds: Int = 300, frameTimeoutSeconds: Int = 10,
        maxPendingEvents: Int = 4096
    ) {
        self.maxConnections = maxConnections
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.frameTimeoutSeconds = frameTimeoutSeconds
        self.maxPendingEvents = maxPendingEvents
    }
}
