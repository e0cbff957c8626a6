#if canImport(Glibc)
    import Glibc
#endif

/// Creating a private directory path, as `mkdir -p` with mode 0700.
public enum DirectoryPath {
    /// Creates every missing directory of `path` with mode 0700; returns the first one that could
    /// not be created and why, or nil when the whole path exists.
    public static func makePrivate(_ path: String) -> (path: String, reason: String)? {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { return (prefix, String(cString: strerror(errno))) }
        }
        return nil
    }
}
