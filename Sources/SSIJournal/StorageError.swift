#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call on the journal's storage, by its `errno`.
public struct StorageError: Error, Equatable, CustomStringConvertible {
    public var code: Int32

    public init(code: Int32) { self.code = code }

    /// The disk or the user's quota is full: worth retrying once space is freed.
    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }

    public var description: String { String(cString: strerror(code)) }
}
