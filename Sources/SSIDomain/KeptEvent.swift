/// One event that counts, as `CountedEvents` keeps it: 40 bytes and no storage of its own. An id as
/// ssi-logd makes it (16 lowercase hex digits) is kept by its value, the action by its number in a
/// table of names, the time recorded by its lag after the time it happened; what few events have
/// (another id, tags, a section, a source, a field too wide for its place here) is kept beside, by
/// seq. An `ActionEvent` is made again when one is asked for.
struct KeptEvent: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8

        /// `idValue` is the id; otherwise the id is text kept beside.
        static let hexID = Flags(rawValue: 1)
        /// Tags, a section or a source are kept beside.
        static let details = Flags(rawValue: 2)
        /// Undone: a hole that keeps its seq, so the places stay in sequence order.
        static let hole = Flags(rawValue: 4)
        /// The time recorded, the count and the action number are kept beside: one of them does not
        /// fit here (an event recorded 68 years after it happened, a count past 2^31, the
        /// 65,536th action name).
        static let wide = Flags(rawValue: 8)
    }

    var seq: UInt64
    var occurred: Int64
    var idValue: UInt64
    /// `recorded - occurred`.
    var recordedLag: Int32
    var count: Int32
    var action: UInt16
    var flags: Flags
}
