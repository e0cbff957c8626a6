import NIOCore

/// A new connection after the peer check.
enum AcceptedConnection: Sendable {
    case served(NIOAsyncChannel<RequestFrame, ByteBuffer>)
    /// Another user connected (the socket mode would have had to be loosened): refused and logged.
    case refused(Channel, PeerCredentials)
}
