#if canImport(Glibc)
    import Glibc
#endif

/// The journal's storage on a real file descriptor, which it owns and closes.
final class DescriptorStorage: JournalStorage {
    let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    func readAll() throws(StorageError) -> [UInt8] { try read(from: 0) }

    func read(from offset: Int) throws(StorageError) -> [UInt8] {
        // fsync, not fdatasync: the appends use fdatasync, so fault injection by system call
        // (strace -e inject=fdatasync) keeps targeting them alone. A read-only file or file system
        // has nothing to write back (EINVAL, EROFS, EBADF).
        if fsync(descriptor) != 0, errno == EIO || errno == ENOSPC || errno == EDQUOT {
            throw StorageError(code: errno)
        }
        // Drops the now clean cached pages so that the reads below come from the device.
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StorageError(code: errno) }
        return try readSynced(offset..<max(offset, Int(info.st_size)))
    }

    /// Also the end of `read(from:)`, once that has written back and dropped the cached pages.
    func readSynced(_ range: Range<Int>) throws(StorageError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw StorageError(code: errno) }
            if count == 0 { break }
            done += count
        }
        return Array(bytes[0..<done])
    }

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StorageError) -> Int {
        while true {
            // pwrite at the known end: with O_APPEND the kernel appends anyway, and the distinct
            // system call lets strace (-e inject=pwrite64) target journal writes only.
            let count = pwrite(descriptor, bytes.baseAddress!, bytes.count, off_t(offset))
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw StorageError(code: errno) }
            return count
        }
    }

    func synchronize() throws(StorageError) {
        guard fdatasync(descriptor) == 0 else { throw StorageError(code: errno) }
    }

    func truncate(to length: Int) throws(StorageError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw StorageError(code: errno) }
    }
}
