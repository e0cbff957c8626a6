/// A position in the journal with a checksum of the bytes just before it, so that a checkpoint is
/// only resumed from on the very file it was computed from (not a restored, cut or replaced one).
public struct JournalAnchor: Sendable, Equatable {
    /// How many bytes before the position the checksum covers (fewer at the start of the file).
    public static let span = 4096

    public var position: JournalPosition
    /// CRC-32C of the `min(span, offset)` bytes before `position.offset`.
    public var checksum: UInt32

    public init(position: JournalPosition, checksum: UInt32) {
        self.position = position
        self.checksum = checksum
    }

    /// Whether `bytes`, read from `max(0, offset - span)`, end the way the anchored file did.
    func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        let expected = min(Self.span, position.offset)
        guard bytes.count == expected else { return false }
        guard position.offset == 0 || bytes.last == UInt8(ascii: "\n") else { return false }
        return CRC32C.checksum(bytes) == checksum
    }
}
