import SSIDomain

#if canImport(Glibc)
    import Glibc
#endif

/// The append-only journal file: one writer, locked, every append synced before it returns.
/// Unchecked-Sendable because exactly one thread (the store's writer) appends at a time, and the
/// store learns the new length from what that thread returns, never by reading it concurrently.
public final class JournalFile: @unchecked Sendable {
    public static let fileName = "journal.jsonl"

    public let path: String
    private let storage: any JournalStorage
    /// Bytes known to be complete records: appends that fail are cut back to here.
    public private(set) var length: Int
    /// Set once the file can no longer be trusted (a failed sync, or a failed cut back after a
    /// failed write): every later append is refused with it, so nothing is acknowledged after it.
    public private(set) var failure: JournalError?

    private init(path: String, storage: any JournalStorage, length: Int) {
        self.path = path
        self.storage = storage
        self.length = length
    }

    /// Opens (creating if needed) the journal in a state directory, takes the lock, reads it and
    /// cuts off a torn last record. The scan is returned for replay.
    /// With an anchor (a checkpoint's), only the bytes after it are read and scanned when the file
    /// still ends the anchored way there (`scan.start` is then the anchor's position); otherwise the
    /// whole file is.
    public static func open(directory: String, resumingAt anchor: JournalAnchor? = nil) throws(JournalError) -> (
        JournalFile, JournalScan
    ) {
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
        // Owns the descriptor from here: every refusal below closes it.
        let storage = DescriptorStorage(descriptor: fd)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("cannot stat \(path): \(errnoText())") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unsafeFile("\(path) is not a regular file") }
        guard info.st_nlink == 1 else {
            throw .unsafeFile("\(path) has \(info.st_nlink) hard links: refusing a journal shared with another path")
        }
        guard info.st_uid == getuid() else { throw .unsafeFile("\(path) belongs to uid \(info.st_uid), not to you") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw .locked("\(path) is locked: another ssi-logd is using this state directory")
        }
        if created, fsync(directoryFD) != 0 {
            throw .syncFailed("cannot sync the state directory \(directory): \(errnoText())")
        }
        return try open(storage: storage, path: path, resumingAt: anchor)
    }

    /// Opens a journal on any storage (the fault tests' simulated disk): reads it, cuts off a torn
    /// last record durably, and returns the scan for replay.
    public static func open(storage: any JournalStorage, path: String, resumingAt anchor: JournalAnchor? = nil)
        throws(JournalError) -> (JournalFile, JournalScan)
    {
        var resumed: JournalScan?
        do {
            if let anchor {
                let anchored = max(0, anchor.position.offset - JournalAnchor.span)
                let bytes = try storage.read(from: anchored)
                let covered = anchor.position.offset - anchored
                if bytes.count >= covered, anchor.matches(bytes[0..<covered]) {
                    resumed = JournalScan.scan(Array(bytes[covered...]), from: anchor.position)
                }
            }
            if resumed == nil { resumed = JournalScan.scan(try storage.readAll()) }
        } catch {
            throw .io("cannot read \(path): \(error)")
        }
        let scan = resumed!
        if scan.tornTail != nil {
            do {
                try storage.truncate(to: scan.validLength)
                try storage.synchronize()
            } catch {
                throw .io("cannot cut the torn record off \(path): \(error)")
            }
        }
        return (JournalFile(path: path, storage: storage, length: scan.validLength), scan)
    }

    /// The anchor of a record boundary already written (a checkpoint's), read back from the file.
    public func anchor(at position: JournalPosition) throws(JournalError) -> JournalAnchor {
        let from = max(0, position.offset - JournalAnchor.span)
        let bytes = try synced(from..<position.offset)
        let covered = position.offset - from
        guard bytes.count >= covered else { throw .io("\(path) is shorter than \(position.offset) bytes") }
        return JournalAnchor(position: position, checksum: CRC32C.checksum(bytes[0..<covered]))
    }

    /// Records already appended and synced, through the page cache (no writeback, which would
    /// take a writeback error from the writer's own sync): what a reload replays on another thread
    /// while appends go on after `range`.
    public func synced(_ range: Range<Int>) throws(JournalError) -> [UInt8] {
        do {
            return try storage.readSynced(range)
        } catch {
            throw .io("cannot read \(path): \(error)")
        }
    }

    /// Appends whole lines and syncs once for all of them (group commit). On return every line is
    /// on disk. On `.noSpace` or `.io` the file has been cut back durably and none of them counts;
    /// on `.syncFailed` the caller must stop: the kernel may already have dropped the pages, and
    /// this file refuses every later append.
    public func append(_ lines: [[UInt8]]) throws(JournalError) {
        if let failure { throw failure }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            buffer += line
            buffer.append(UInt8(ascii: "\n"))
        }
        var written = 0
        while written < buffer.count {
            let result: Result<Int, StorageError> = buffer.withUnsafeBytes { all in
                let rest = UnsafeRawBufferPointer(rebasing: all[written...])
                do throws(StorageError) {
                    return .success(try storage.write(rest, at: length + written))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let count) where count > 0:
                written += count
            case .success:
                try cutBack(after: "short write")
                throw .noSpace("disk full writing \(path): short write; nothing was recorded, retry later")
            case .failure(let error):
                try cutBack(after: error.description)
                if error.isNoSpace {
                    throw .noSpace("disk full writing \(path): \(error); nothing was recorded, retry later")
                }
                throw .io("cannot write \(path): \(error); nothing was recorded")
            }
        }
        do {
            try storage.synchronize()
        } catch {
            let failure = JournalError.syncFailed(
                "fdatasync of \(path) failed: \(error); stopping so that replay can recover")
            self.failure = failure
            throw failure
        }
        length += buffer.count
    }

    /// Drops a partly written batch so that the file ends on a record boundary again, and syncs the
    /// cut: a refused record must not come back after a crash because the truncation was lost.
    private func cutBack(after cause: String) throws(JournalError) {
        do {
            try storage.truncate(to: length)
            try storage.synchronize()
        } catch {
            let failure = JournalError.syncFailed(
                "cannot cut \(path) back to \(length) bytes after \(cause): \(error); stopping so that replay can recover"
            )
            self.failure = failure
            throw failure
        }
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
