#if canImport(Glibc)
    import Glibc
#endif

/// `ssi-log verify`: reads a journal without the daemon and without changing it.
public enum JournalVerification {
    public static func scanFile(_ path: String) throws(JournalError) -> JournalScan {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("cannot open \(path): \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("cannot stat \(path): \(errnoText())") }
        return JournalScan.scan(try JournalFile.readAll(fd: fd, size: Int(info.st_size), path: path))
    }
}
