import NIOConcurrencyHelpers
import NIOCore

/// The open connections, so that a cap can refuse the connection that would exceed it, and
/// shutdown can close idle connections at once and busy ones right after their response.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: (channel: Channel, busy: Bool)] = [:]
        var shuttingDown = false
    }

    private let state = NIOLockedValueBox(State())

    var count: Int { state.withLockedValue { $0.channels.count } }

    /// Adds a connection unless `limit` are already open or the server is stopping.
    func admit(_ channel: Channel, limit: Int) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown, state.channels.count < limit else { return false }
            state.channels[ObjectIdentifier(channel)] = (channel, false)
            return true
        }
    }

    func remove(_ channel: Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Marks a connection busy with a request; false when the server is stopping.
    func beginRequest(_ channel: Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.shuttingDown else { return false }
            state.channels[ObjectIdentifier(channel)]?.busy = true
            return true
        }
    }

    /// Marks the request answered; false when the connection should now close (shutdown).
    func endRequest(_ channel: Channel) -> Bool {
        state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)]?.busy = false
            return !state.shuttingDown
        }
    }

    /// Stops the server's connections: idle ones close now, busy ones after their response.
    func shutDown() {
        let idle = state.withLockedValue { state -> [Channel] in
            state.shuttingDown = true
            return state.channels.values.filter { !$0.busy }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
