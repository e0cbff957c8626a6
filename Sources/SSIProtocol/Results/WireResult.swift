import SSIJSON

/// The typed result of one operation, as the daemon sends it and the client reads it. Fields are
/// named once, here: a renamed field fails to compile in both, instead of printing `?`.
public protocol WireResult: Sendable, Equatable {
    init(json: JSONValue) throws(ProtocolError)
    var json: JSONValue { get }
}
