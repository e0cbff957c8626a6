import SSIProtocol
import SSISystem

/// One action read from an export, ready to be logged with a request id that is the same every
/// time the same row is imported again, so that re-importing logs nothing twice.
public struct ImportedAction: Sendable, Equatable {
    public var request: LogRequest
    /// Where it came from: `Connections.csv:5`.
    public var source: String
    public var requestID: String

    /// `key` identifies the row's content; `occurrence` tells identical rows apart.
    init(_ request: LogRequest, source: String, key: String, occurrence: Int) {
        self.request = request
        self.source = source
        self.requestID = "import-" + Self.fnv1a("\(key)\u{1F}\(occurrence)")
    }

    /// An action with a request id of its own (a restored event keeps its id).
    init(_ request: LogRequest, source: String, requestID: String) {
        self.request = request
        self.source = source
        self.requestID = requestID
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines, unlike `hashValue`.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return Hex.fixedWidth(hash, digits: 16)
    }
}
