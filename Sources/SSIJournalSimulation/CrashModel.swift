/// Which of the changes made since the last successful sync survive a power cut.
public enum CrashModel: Hashable, Sendable, CaseIterable {
    /// A prefix of them, in order, the last one perhaps torn: a file system that orders data
    /// writes (ext4 with data=ordered).
    case inOrder
    /// Each independently: whole, lost, torn at a sector boundary, or as zeros where the size got
    /// to the disk but the data did not. The worst a disk with a volatile write cache may do.
    case anyOrder
}
