/// A request that could not be read, with its id when the id itself was readable.
public struct RequestFailure: Error, Sendable, Equatable {
    public var id: String?
    public var error: ProtocolError

    public init(id: String?, error: ProtocolError) {
        self.id = id
        self.error = error
    }
}
