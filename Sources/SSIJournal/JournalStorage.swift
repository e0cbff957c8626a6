/// The system calls the journal makes on its open file. `DescriptorStorage` makes them for real;
/// the simulated disk of the fault tests makes them fail, tear and lose writes the way a kernel and
/// a power cut can, thousands of times a second.
public protocol JournalStorage: AnyObject {
    /// The whole file as stable storage holds it: anything still dirty written back first, and
    /// the page cache bypassed. After a failed writeback the kernel marks the lost pages clean, so
    /// a restarted daemon reading through the cache would build on records the disk never got.
    func readAll() throws(StorageError) -> [UInt8]
    /// The file from `offset` to its end, from stable storage as `readAll` reads it: what a start
    /// after a checkpoint reads instead of the whole history.
    func read(from offset: Int) throws(StorageError) -> [UInt8]
    /// Bytes already synced, as the page cache holds them: no writeback, so that it never takes a
    /// writeback error the writer's own sync must see (Linux reports one to the first caller only).
    func readSynced(_ range: Range<Int>) throws(StorageError) -> [UInt8]
    /// Writes a prefix of `bytes` at `offset` and returns its length; 0 when no space was left.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StorageError) -> Int
    /// `fdatasync`: returns once everything written before is on stable storage.
    func synchronize() throws(StorageError)
    func truncate(to length: Int) throws(StorageError)
}

extension JournalStorage {
    public func read(from offset: Int) throws(StorageError) -> [UInt8] {
        let all = try readAll()
        return offset < all.count ? Array(all[offset...]) : []
    }
}
