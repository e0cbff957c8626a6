import NIOConcurrencyHelpers
import NIOCore

/// The open connections, so that shutdown can stop reading from all of them and a cap can refuse
/// the connection that would exceed it.
final class ConnectionRegistry: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: Channel]>([:])

    var count: Int { channels.withLockedValue { $0.count } }

    /// Adds a connection unless `limit` are already open.
    func admit(_ channel: Channel, limit: Int) -> Bool {
        channels.withLockedValue { open in
            guard open.count < limit else { return false }
            open[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func remove(_ channel: Channel) {
        _ = channels.withLockedValue { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Stops reading: each connection finishes the request it is on, then closes.
    func closeAllInputs() {
        for channel in channels.withLockedValue({ Array($0.values) }) {
            channel.close(mode: .input, promise: nil)
        }
    }
}
