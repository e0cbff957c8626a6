#if canImport(Glibc)
    import Glibc
#endif

/// The login name of the daemon's user, for the metrics' `user` label.
enum LoginName {
    static func current() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }
}
