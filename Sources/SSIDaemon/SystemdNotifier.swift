import CSystemd

/// `sd_notify(3)`: tells the service manager (or a test's datagram socket) about readiness, status,
/// reloads, shutdown and watchdog pings. A no-op when `NOTIFY_SOCKET` is unset.
public struct SystemdNotifier: Sendable {
    public init() {}

    public func notify(_ fields: String) {
        _ = sd_notify(0, fields)
    }

    public func ready(status: String) { notify("READY=1\nSTATUS=\(status)") }
    public func status(_ status: String) { notify("STATUS=\(status)") }
    public func reloading() { notify("RELOADING=1") }
    public func stopping() { notify("STOPPING=1") }
    public func watchdog() { notify("WATCHDOG=1") }

    /// The watchdog interval in microseconds when it is on for this process.
    public func watchdogMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        return sd_watchdog_enabled(0, &usec) > 0 ? usec : nil
    }
}
