import NIOConcurrencyHelpers
import NIOCore

/// The open connections, so that a cap can refuse the connection that would exceed it, and
/// shutdown can close idle connections at once and busy ones right after their response.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: (channel: Channel, busy: Int)] = [:]
        var shuttingDown = false
    }

    private let state = NIOLockedValueBox(State())

    var count: Int { state.withLockedValue { $0.channels.count } }

    /// Adds a connection unless `limit` are already open or the server is stopping.
    func admit(_ channel: Channel, limit: Int) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown, state.channels.count < limit else { return false }
            state.channels[ObjectIdentifier(channel)] = (channel, 0)
            return true
        }
    }

    func remove(_ channel: Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Counts a request in flight on a connection; false when the server is stopping.
    func beginRequest(_ channel: Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown else { return false }
            state.channels[ObjectIdentifier(channel)]?.busy += 1
            return true
        }
    }

    /// Marks the request answered; false when the connection should now close (shutdown).
    func endRequest(_ channel: Channel) -> Bool {
        state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)]?.busy -= 1
            return !state.shuttingDown
        }
    }

    /// Stops the server's connections: idle ones close now, busy ones after their response.
    func shutDown() {
        let idle = state.withLockedValue { state -> [Channel] in
            state.shuttingDown = true
            return state.channels.values.filter { $0.busy == 0 }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
