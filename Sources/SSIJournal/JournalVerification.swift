#if canImport(Glibc)
    import Glibc
#endif

/// `ssi-log verify`: reads a journal without the daemon and without changing it.
public enum JournalVerification {
    public static func scanFile(_ path: String) throws(JournalError) -> JournalScan {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("cannot open \(path): \(errnoText())") }
        let storage = DescriptorStorage(descriptor: fd)
        do {
            return JournalScan.scan(try storage.readAll())
        } catch {
            throw .io("cannot read \(path): \(error)")
        }
    }
}
