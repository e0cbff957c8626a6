/// What a command that talks to the daemon takes from its options, as a plain value: quick entry
/// makes one without building `ClientOptions`, whose property wrappers set up the argument parser's
/// names (hash sets whose first use has the Swift runtime scan every protocol conformance in the
/// binary).
struct ClientSettings {
    /// Print one JSON object instead of text.
    var json = false
    /// The daemon's socket, when given; else the default path.
    var socket: String?
}
