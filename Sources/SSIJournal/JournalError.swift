/// Why the journal could not be opened or appended to.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    /// The disk is full or the write was cut short; the file was cut back, nothing was acknowledged.
    case noSpace(String)
    /// Another daemon holds the journal.
    case locked(String)
    /// The journal is not a plain file we own (symlink, other type, extra hard links).
    case unsafeFile(String)
    /// `fdatasync` failed: the kernel may have dropped the pages, so nothing after this is trusted.
    case syncFailed(String)
    case io(String)

    public var description: String {
        switch self {
        case .noSpace(let m), .locked(let m), .unsafeFile(let m), .syncFailed(let m), .io(let m): m
        }
    }
}
