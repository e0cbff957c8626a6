/// One event that counts, as `CountedEvents` keeps it: 48 bytes and no storage of its own. An id as
/// ssi-logd makes it (16 lowercase hex digits) is kept by its value and the action by its place in
/// a table of names; what few events have (another id, tags, a section, a source) is kept beside,
/// by seq. An `ActionEvent` is made again when one is asked for.
struct KeptEvent: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8

        /// `idValue` is the id; otherwise the id is text kept beside.
        static let hexID = Flags(rawValue: 1)
        /// Tags, a section or a source are kept beside.
        static let details = Flags(rawValue: 2)
        /// Undone: a hole that keeps its seq, so the places stay in sequence order.
        static let hole = Flags(rawValue: 4)
    }

    var seq: UInt64
    var occurred: Int64
    var recorded: Int64
    var count: Int
    var idValue: UInt64
    var action: UInt32
    var flags: Flags
}
