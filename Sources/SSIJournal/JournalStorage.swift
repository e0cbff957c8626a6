/// The system calls the journal makes on its open file. `DescriptorStorage` makes them for real;
/// the simulated disk of the fault tests makes them fail, tear and lose writes the way a kernel and
/// a power cut can, thousands of times a second.
public protocol JournalStorage: AnyObject {
    /// The whole file as stable storage holds it: anything still dirty written back first, and
    /// the page cache bypassed. After a failed writeback the kernel marks the lost pages clean, so
    /// a restarted daemon reading through the cache would build on records the disk never got.
    func readAll() throws(StorageError) -> [UInt8]
    /// Writes a prefix of `bytes` at `offset` and returns its length; 0 when no space was left.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StorageError) -> Int
    /// `fdatasync`: returns once everything written before is on stable storage.
    func synchronize() throws(StorageError)
    func truncate(to length: Int) throws(StorageError)
}
