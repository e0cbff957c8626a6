import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// Files the client reads and writes itself, with plain system calls: Foundation would triple the
/// client's size and slow every start.
enum LocalFile {
    struct Failure: Error {
        let message: String
    }

    enum Kind {
        case directory, regular, missing, other
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .other
        }
    }

    /// The whole file, refused when larger than `limit` bytes.
    static func read(_ path: String, limit: Int = 2 << 30) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(message: "cannot read \(path): \(reason())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(message: "cannot read \(path): \(reason())") }
            if count == 0 { break }
            bytes += chunk[0..<count]
            guard bytes.count <= limit else { throw Failure(message: "\(path) is larger than \(limit >> 20) MiB") }
        }
        return bytes
    }

    /// Names in a directory (not `.` and `..`), sorted.
    static func list(_ path: String) throws(Failure) -> [String] {
        guard let directory = opendir(path) else { throw Failure(message: "cannot read \(path): \(reason())") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes `text` to `path` atomically, mode 0600: a backup is either whole or not there.
    static func writeAtomically(_ text: String, to path: String) throws(Failure) {
        if let failure = AtomicFile.write(text, to: path) { throw Failure(message: failure) }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
