import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// Private directories: created 0700, and refused when another user owns them.
public enum StateDirectory {
    public static func prepare(_ path: String) throws(JournalError) {
        if let failure = DirectoryPath.makePrivate(path) {
            throw .io("cannot create directory \(failure.path): \(failure.reason)")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .io("cannot stat \(path): \(errnoText())") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .unsafeFile("\(path) is not a directory") }
        guard info.st_uid == getuid() else {
            throw .unsafeFile("\(path) belongs to uid \(info.st_uid), not to you: refusing to use it")
        }
        if info.st_mode & 0o077 != 0, chmod(path, 0o700) != 0 {
            throw .io("cannot make \(path) private (0700): \(errnoText())")
        }
    }
}
