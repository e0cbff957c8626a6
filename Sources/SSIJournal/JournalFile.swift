import SSIDomain

#if canImport(Glibc)
    import Glibc
#endif

/// The append-only journal file: one writer, locked, every append synced before it returns.
/// Unchecked-Sendable because exactly one task (the store's flush) uses it at a time.
public final class JournalFile: @unchecked Sendable {
    public static let fileName = "journal.jsonl"

    public let path: String
    private let descriptor: Int32
    /// Bytes known to be complete records: appends that fail are cut back to here.
    public private(set) var length: Int

    private init(path: String, descriptor: Int32, length: Int) {
        self.path = path
        self.descriptor = descriptor
        self.length = length
    }

    deinit { close(descriptor) }

    /// Opens (creating if needed) the journal in a state directory, takes the lock, reads it and
    /// cuts off a torn last record. The scan is returned for replay.
    public static func open(directory: String) throws(JournalError) -> (JournalFile, JournalScan) {
        try StateDirectory.prepare(directory)
        let directoryFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard directoryFD >= 0 else { throw .io("cannot open state directory \(directory): \(errnoText())") }
        defer { close(directoryFD) }
        let path = directory + "/" + fileName
        var created = false
        var fd = openat(directoryFD, fileName, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0, errno == ENOENT {
            fd = openat(directoryFD, fileName, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_CREAT | O_EXCL, 0o600)
            created = fd >= 0
        }
        guard fd >= 0 else {
            if errno == ELOOP { throw .unsafeFile("\(path) is a symbolic link: refusing to use it as the journal") }
            throw .io("cannot open \(path): \(errnoText())")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .io("cannot stat \(path): \(errnoText())")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .unsafeFile("\(path) is not a regular file")
        }
        guard info.st_nlink == 1 else {
            close(fd)
            throw .unsafeFile("\(path) has \(info.st_nlink) hard links: refusing a journal shared with another path")
        }
        guard info.st_uid == getuid() else {
            close(fd)
            throw .unsafeFile("\(path) belongs to uid \(info.st_uid), not to you")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .locked("\(path) is locked: another ssi-logd is using this state directory")
        }
        if created, fsync(directoryFD) != 0 {
            close(fd)
            throw .syncFailed("cannot sync the state directory \(directory): \(errnoText())")
        }
        let bytes: [UInt8]
        do {
            bytes = try readAll(fd: fd, size: Int(info.st_size), path: path)
        } catch {
            close(fd)
            throw error
        }
        let scan = JournalScan.scan(bytes)
        let file = JournalFile(path: path, descriptor: fd, length: scan.validLength)
        if scan.tornTail != nil {
            guard ftruncate(fd, off_t(scan.validLength)) == 0, fsync(fd) == 0 else {
                throw .io("cannot cut the torn record off \(path): \(errnoText())")
            }
        }
        return (file, scan)
    }

    static func readAll(fd: Int32, size: Int, path: String) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, size - done, off_t(done)) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .io("cannot read \(path): \(errnoText())") }
            if count == 0 { break }
            done += count
        }
        return Array(bytes[0..<done])
    }

    /// Appends whole lines and syncs once for all of them (group commit). On return every line is
    /// on disk. On `.noSpace` or `.io` the file has been cut back and none of them counts; on
    /// `.syncFailed` the caller must stop: the kernel may already have dropped the pages.
    public func append(_ lines: [[UInt8]]) throws(JournalError) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            buffer += line
            buffer.append(UInt8(ascii: "\n"))
        }
        var written = 0
        while written < buffer.count {
            // pwrite at the known end: with O_APPEND the kernel appends anyway, and the distinct
            // system call lets fault injection (strace -e inject=pwrite64) target journal writes only.
            let count = buffer.withUnsafeBytes {
                pwrite(descriptor, $0.baseAddress! + written, buffer.count - written, off_t(length + written))
            }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                let code = errno
                let message = count == 0 ? "short write" : String(cString: strerror(code))
                cutBack()
                if code == ENOSPC || code == EDQUOT || count == 0 {
                    throw .noSpace("disk full writing \(path): \(message); nothing was recorded, retry later")
                }
                throw .io("cannot write \(path): \(message)")
            }
            written += count
        }
        guard fdatasync(descriptor) == 0 else {
            throw .syncFailed("fdatasync of \(path) failed: \(errnoText()); stopping so that replay can recover")
        }
        length += buffer.count
    }

    /// Drops a partly written batch so that the file ends on a record boundary again.
    private func cutBack() {
        _ = ftruncate(descriptor, off_t(length))
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
