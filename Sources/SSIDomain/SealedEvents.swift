/// The events a checkpoint sealed, read in place: in sequence order, none undone when sealed, with
/// the index of their hex ids, laid out as `CountedEvents.sealedSection()` writes them. The memory
/// is the daemon's mapping of the checkpoint file (pages are read from disk when first touched and
/// stay the kernel's cache, not the daemon's heap) or a copy of the bytes; it never changes, so every
/// copy of a state shares it. What changes later (an event undone, a newer event) is kept beside,
/// in `CountedEvents`.
public final class SealedEvents: @unchecked Sendable {
    /// Keeps the memory alive: unmaps or frees it when the last state that reads it is gone.
    public protocol Storage: AnyObject, Sendable {
        var bytes: UnsafeRawBufferPointer { get }
        /// Hands back what reading all of it brought in (a checkpoint written from it), where that
        /// can be read again later as it was; a copy keeps its bytes.
        func dropResidentPages()
    }

    /// A section's bytes copied into memory of its own (a checkpoint read from bytes, not a file).
    public final class Copy: Storage, @unchecked Sendable {
        public let bytes: UnsafeRawBufferPointer

        public init<Bytes: Collection<UInt8>>(_ source: Bytes) {
            let memory = UnsafeMutableRawBufferPointer.allocate(
                byteCount: source.count, alignment: MemoryLayout<UInt64>.alignment)
            memory.copyBytes(from: source)
            bytes = UnsafeRawBufferPointer(memory)
        }

        public func dropResidentPages() {}

        deinit { bytes.deallocate() }
    }

    /// A section's bytes as `CountedEvents.sealedSection()` makes them, and what they hold.
    public struct Section: Sendable {
        public var bytes: [UInt8]
        public var eventCount: Int
        public var bucketCount: Int
    }

    let events: UnsafeBufferPointer<KeptEvent>
    let places: UnsafeBufferPointer<UInt32>
    let tags: UnsafeBufferPointer<UInt8>
    private let storage: (any Storage)?

    /// None sealed.
    public static let none = SealedEvents()

    private init() {
        events = UnsafeBufferPointer(start: nil, count: 0)
        places = UnsafeBufferPointer(start: nil, count: 0)
        tags = UnsafeBufferPointer(start: nil, count: 0)
        storage = nil
    }

    /// Reads a section of `eventCount` events and `bucketCount` index buckets; nil when the
    /// section's size or alignment does not fit them.
    public init?(storage: any Storage, eventCount: Int, bucketCount: Int) {
        let bytes = storage.bytes
        guard Self.layoutHolds, eventCount >= 0, bucketCount >= 0,
            bytes.count == Self.sectionSize(eventCount: eventCount, bucketCount: bucketCount),
            bytes.isEmpty || Int(bitPattern: bytes.baseAddress) % MemoryLayout<UInt64>.alignment == 0
        else { return nil }
        let placesOffset = eventCount * Self.eventSize
        let tagsOffset = placesOffset + bucketCount * 4
        events = UnsafeBufferPointer(
            start: bytes.baseAddress?.assumingMemoryBound(to: KeptEvent.self), count: eventCount)
        places = UnsafeBufferPointer(
            start: bytes.baseAddress.map { ($0 + placesOffset).assumingMemoryBound(to: UInt32.self) },
            count: bucketCount)
        tags = UnsafeBufferPointer(
            start: bytes.baseAddress.map { ($0 + tagsOffset).assumingMemoryBound(to: UInt8.self) }, count: bucketCount)
        self.storage = storage
    }

    /// A section's events read from a copy of its bytes.
    public convenience init(copying section: Section) {
        self.init(
            storage: Copy(section.bytes), eventCount: section.eventCount, bucketCount: section.bucketCount)!
    }

    var count: Int { events.count }

    /// See `Storage.dropResidentPages()`.
    public func dropResidentPages() { storage?.dropResidentPages() }

    /// The place of the sealed event whose hex id has this value.
    func place(ofHexValue value: UInt64) -> UInt32? {
        let events = self.events
        return HexPlaceTable.place(of: value, places: places, tags: tags) { events[Int($0)].idValue }
    }

    /// Bytes of a section: the events (24 bytes each), the buckets' places (4 bytes each), their tags.
    public static func sectionSize(eventCount: Int, bucketCount: Int) -> Int {
        eventCount * eventSize + bucketCount * 5
    }

    static let eventSize = 24

    /// The section is read in place only where `KeptEvent` is laid out as it is written: little-endian,
    /// id, seq, time, count, action, flags.
    static let layoutHolds =
        MemoryLayout<KeptEvent>.stride == eventSize && MemoryLayout<KeptEvent>.offset(of: \.seq) == 8
        && MemoryLayout<KeptEvent>.offset(of: \.occurred) == 16 && MemoryLayout<KeptEvent>.offset(of: \.count) == 20
        && MemoryLayout<KeptEvent>.offset(of: \.action) == 22 && MemoryLayout<KeptEvent>.offset(of: \.flags) == 23
        && UInt16(1).littleEndian == 1
}
