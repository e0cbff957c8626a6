/// The `error.code` of a failed response, and the exit code the client turns it into.
public enum ErrorCode: String, Sendable, CaseIterable {
    /// The request is not valid protocol (not JSON, wrong types, unknown op, too large).
    case badRequest = "bad_request"
    case unknownAction = "unknown_action"
    case badTime = "bad_time"
    case invalidArgument = "invalid_argument"
    case unknownEvent = "unknown_event"
    /// Disk full or too busy: nothing was recorded, retry later.
    case temporary = "temporary"
    case ioError = "io_error"
    /// The peer is not the daemon's user.
    case permissionDenied = "permission_denied"
    case internalError = "internal"

    /// sysexits(3): 64 usage, 65 data, 74 I/O, 75 temporary failure, 77 permission denied.
    public var exitCode: Int32 {
        switch self {
        case .badRequest: 64
        case .unknownAction, .badTime, .invalidArgument, .unknownEvent: 65
        case .temporary: 75
        case .ioError: 74
        case .permissionDenied: 77
        case .internalError: 1
        }
    }
}
