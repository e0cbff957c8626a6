import SSIProtocol

/// What one export row gives: an action with the key its request id comes from, or why it is
/// left out.
enum RowOutcome {
    case action(LogRequest, key: String)
    case skipped(String)
}
