#if canImport(Glibc)
    import Glibc
#endif

/// Replacing a small file whole: a temporary file beside it, synced, renamed over it, the directory
/// synced, mode 0600. A reader sees the old file or the new one, never a part.
public enum AtomicFile {
    /// Nil on success, else why not.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o600) -> String? {
        write(bytes: Array(text.utf8), to: path, mode: mode)
    }

    /// Nil on success, else why not.
    public static func write(bytes: [UInt8], to path: String, mode: mode_t = 0o600) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return "cannot write \(path): \(reason())" }
        var bytes = bytes
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let message = "cannot write \(path): \(reason())"
                close(descriptor)
                unlink(temporary)
                return message
            }
            written += count
        }
        // The umask (077 in the daemon) must not narrow a file meant for another reader.
        guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0, close(descriptor) == 0,
            rename(temporary, path) == 0
        else {
            let message = "cannot write \(path): \(reason())"
            unlink(temporary)
            return message
        }
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return nil
    }

    /// The whole of a small file, or nil when it cannot be read.
    public static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return nil }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    /// The whole of a file of at most `limit` bytes; nil when missing, unreadable or larger.
    public static func readBytes(_ path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
        openForReading(path, limit: limit).flatMap { file in
            defer { close(file.descriptor) }
            return readBytes(file.descriptor, 0..<file.size)
        }
    }

    /// A regular file of at most `limit` bytes opened for reading: its descriptor (the caller
    /// closes it) and size.
    public static func openForReading(_ path: String, limit: Int) -> Result<(descriptor: Int32, size: Int), ReadFailure>
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(reason())) }
        var info = stat()
        let refusal: String? =
            fstat(descriptor, &info) != 0
            ? reason()
            : info.st_mode & S_IFMT != S_IFREG
                ? "not a regular file" : Int(info.st_size) > limit ? "larger than \(limit) bytes" : nil
        if let refusal {
            close(descriptor)
            return .failure(.unreadable(refusal))
        }
        return .success((descriptor, Int(info.st_size)))
    }

    /// The bytes in `range` of an open file.
    public static func readBytes(_ descriptor: Int32, _ range: Range<Int>) -> Result<[UInt8], ReadFailure> {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(range.lowerBound + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .failure(.unreadable(count == 0 ? "shorter than its size" : reason())) }
            done += count
        }
        return .success(bytes)
    }

    /// Why `readBytes` returned nothing.
    public enum ReadFailure: Error, Equatable {
        case missing
        case unreadable(String)
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
