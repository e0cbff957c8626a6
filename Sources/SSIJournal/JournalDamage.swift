/// A record that cannot be trusted: where it is and why.
public struct JournalDamage: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case checksum(expected: String, actual: String)
        case malformed(String)
        case sequence(expected: UInt64, found: UInt64)
        case tornTail(bytes: Int)
        /// NUL bytes (up to the last one on the line): data lost while the file size survived.
        case hole(bytes: Int)

        public var description: String {
            switch self {
            case .checksum(let expected, let actual):
                "checksum mismatch (record says \(expected), bytes give \(actual))"
            case .malformed(let why): why
            case .sequence(let expected, let found):
                "sequence out of order (expected \(expected) or later, found \(found))"
            case .tornTail(let bytes): "incomplete last record (\(bytes) bytes, no newline): a write cut short"
            case .hole(let bytes): "\(bytes) bytes ending in NULs: data lost in a crash, the file size kept"
            }
        }
    }

    /// 1-based line number.
    public var line: Int
    /// Byte offset of the line's first byte.
    public var offset: Int
    public var reason: Reason

    public var description: String { "line \(line), byte \(offset): \(reason)" }
}
