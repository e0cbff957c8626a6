/// One event that counts, as `CountedEvents` keeps it: 24 bytes and no storage of its own. An id as
/// ssi-logd makes it (16 lowercase hex digits) is kept by its value, the action by its number in a
/// table of names, the time it happened in 32 bits (1970 to 2106); what few events have (another
/// id, tags, a section, a source, a field too wide for its place here) is kept beside, by seq. The
/// time recorded is not kept: nothing reads it from the state (it stays in the journal). An
/// `ActionEvent` is made again when one is asked for.
struct KeptEvent: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8

        /// `idValue` is the id; otherwise the id is text kept beside.
        static let hexID = Flags(rawValue: 1)
        /// Tags, a section or a source are kept beside.
        static let details = Flags(rawValue: 2)
        /// Undone: a hole that keeps its seq, so the places stay in sequence order.
        static let hole = Flags(rawValue: 4)
        /// The time it happened, the count and the action number are kept beside: one of them does
        /// not fit here (a time before 1970 or after 2106, a count past 32,767, the 256th action name).
        static let wide = Flags(rawValue: 8)
    }

    var idValue: UInt64
    var seq: UInt64
    /// Seconds since 1970.
    var occurred: UInt32
    var count: Int16
    var action: UInt8
    var flags: Flags
}
