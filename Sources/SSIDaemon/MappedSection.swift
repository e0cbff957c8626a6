import SSIDomain

#if canImport(Glibc)
    import Glibc
#endif

/// A checkpoint's events' section mapped read-only from the file: what a start reads in place
/// (`SealedEvents`). The checkpoint is only ever replaced by a rename, never written over or cut,
/// so the mapped file stays as it was for as long as a state reads it; the last one gone unmaps it.
final class MappedSection: SealedEvents.Storage, @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Maps `range` of the open file (its start a multiple of the page size); nil when it cannot.
    init?(_ descriptor: Int32, _ range: Range<Int>) {
        guard !range.isEmpty else { return nil }
        let address = mmap(nil, range.count, PROT_READ, MAP_PRIVATE, descriptor, off_t(range.lowerBound))
        guard let address, address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: range.count)
        // Reads here are lookups (an id's bucket, an event's page) that a request or two make. The
        // checksum's pass over the file left it in the page cache in large folios, and a fault maps
        // a whole cached folio (2 MB on this kernel, 6.18): each new id checked against the index
        // grew the daemon's resident set by about 2 MB until the whole section was in. So the
        // file's cached pages are dropped (all of them: a large folio reaching past the section's
        // start would stay) and the section read again a page at a time, without read-ahead.
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        _ = madvise(address, range.count, MADV_RANDOM)
    }

    /// The pages read so far leave the daemon's resident set; they stay in the kernel's cache, and
    /// are mapped again from the unchanged file when read.
    func dropResidentPages() {
        _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count, MADV_DONTNEED)
    }

    deinit { _ = munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
