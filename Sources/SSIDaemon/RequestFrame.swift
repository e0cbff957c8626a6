import NIOCore

/// What the framing layer hands to the request loop.
enum RequestFrame: Sendable {
    /// One request line, without its newline.
    case line(ByteBuffer)
    /// A line longer than the limit: answered with an error, then the connection is closed.
    case oversized
}
