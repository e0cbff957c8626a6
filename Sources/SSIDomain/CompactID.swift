/// An id kept in a table for a while (a request id, an entry id): by its 64-bit value when it is 16
/// lowercase hex digits, as ssi-log and ssi-logd make them, else by its text. Sixteen characters
/// are one more than a Swift string holds without memory of its own, so a hex id kept as text
/// costs a heap allocation; as a value it costs none.
public enum CompactID: Hashable, Sendable {
    case hex(UInt64)
    case text(String)

    public init(_ id: String) {
        self = EventPlaces.hexValue(id).map { .hex($0) } ?? .text(id)
    }

    /// The id as it was given.
    public var text: String {
        switch self {
        case .hex(let value): EventPlaces.hexText(value)
        case .text(let text): text
        }
    }

    /// Whether the id, as text, starts with `prefix` (never, for a hex id and a prefix that is not hex).
    public func hasPrefix(_ prefix: String) -> Bool {
        switch self {
        case .hex:
            prefix.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
                && text.hasPrefix(prefix)
        case .text(let text): text.hasPrefix(prefix)
        }
    }
}
