/// Signals once that a request has taken its place in the store's queue (or finished), so that the
/// connection can read the next request while this one waits for the disk: requests on one
/// connection enter the store in the order they were sent, and many can share one sync.
public final class Admission: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Idempotent: later calls do nothing.
    public func admit() {
        continuation.yield()
        continuation.finish()
    }

    public func wait() async {
        for await _ in stream { return }
    }
}
