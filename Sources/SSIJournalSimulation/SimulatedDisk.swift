import Foundation
import SSIJournal

#if canImport(Glibc)
    import Glibc
#endif

/// One journal file on a simulated disk with a page cache: what a reader sees, what is durable as
/// of the last successful sync, and the changes in between, which a power cut keeps, tears or
/// loses. Faults are decided per system call by a plan, so one seed replays a whole scenario.
/// Unchecked-Sendable: every member is guarded by `lock`.
public final class SimulatedDisk: JournalStorage, @unchecked Sendable {
    public enum Call: Hashable, Sendable {
        case write, synchronize, truncate
    }

    enum Change {
        case write(offset: Int, bytes: [UInt8])
        case truncate(length: Int)
    }

    public static let sectorSize = 512

    private let lock = NSLock()
    private var visible: [UInt8]
    private var durable: [UInt8]
    private var pending: [Change] = []
    private var random: SeededGenerator
    private var plan: (Call, inout SeededGenerator) -> DiskFault?
    private var poweredOff = false
    private var processKilled = false
    private var faultCounts: [DiskFault: Int] = [:]
    private let readsBypassCache: Bool
    /// What the disk holds where data was lost but the file's size survived.
    private let holeByte: UInt8

    /// A disk holding `contents`, all of it durable. `plan` is asked before every write, sync and
    /// truncate; nil lets the call succeed. `readsBypassCache: false` makes `readAll` read through
    /// the page cache instead, as a journal that skipped the write-back and cache drop would.
    /// `holeByte` fills what a lost write leaves on the disk: zeros (fresh blocks) or, say, 0xFF
    /// for stale data.
    public init(
        contents: [UInt8] = [], seed: UInt64, readsBypassCache: Bool = true, holeByte: UInt8 = 0,
        plan: @escaping (Call, inout SeededGenerator) -> DiskFault? = { _, _ in nil }
    ) {
        self.readsBypassCache = readsBypassCache
        self.holeByte = holeByte
        visible = contents
        durable = contents
        random = SeededGenerator(seed: seed)
        self.plan = plan
    }

    /// The file as a process reading it now sees it (through the page cache).
    public var contents: [UInt8] { lock.withLock { visible } }
    /// True once a `.powerCut` fault stopped the machine.
    public var isPoweredOff: Bool { lock.withLock { poweredOff } }
    /// True once a `.processKilled` fault ended the writing process.
    public var isProcessKilled: Bool { lock.withLock { processKilled } }

    /// Kills the writing process (`kill -9`): every call fails until `restartProcess()`.
    public func killProcess() {
        lock.withLock { processKilled = true }
    }

    /// A new process takes over the file after a kill: the page cache and the disk are as they were.
    public func restartProcess() {
        lock.withLock { processKilled = false }
    }
    /// How many faults of each kind were injected.
    public var injected: [DiskFault: Int] { lock.withLock { faultCounts } }

    /// A plan that injects `faults` in order, one per call (nil lets a call succeed), then none.
    public static func script(_ faults: [DiskFault?]) -> (Call, inout SeededGenerator) -> DiskFault? {
        var remaining = faults[...]
        return { _, _ in remaining.popFirst() ?? nil }
    }

    /// Replaces the fault plan, e.g. with none for the last, clean run of a scenario.
    public func replacePlan(_ plan: @escaping (Call, inout SeededGenerator) -> DiskFault?) {
        lock.withLock { self.plan = plan }
    }

    /// The disk as it is after the power goes off now and comes back: the durable bytes plus
    /// whatever of the pending changes `model` lets survive. Everything on it is durable.
    public func afterPowerCut(_ model: CrashModel, seed: UInt64) -> SimulatedDisk {
        lock.withLock {
            var image = durable
            switch model {
            case .inOrder:
                let survivors = pending.isEmpty ? 0 : Int.random(in: 0...pending.count, using: &random)
                for (index, change) in pending.prefix(survivors).enumerated() {
                    if index == survivors - 1, case .write(let offset, let bytes) = change, !bytes.isEmpty {
                        let kept = Int.random(in: 0...bytes.count, using: &random)
                        Self.apply(.write(offset: offset, bytes: Array(bytes.prefix(kept))), to: &image, fill: holeByte)
                    } else {
                        Self.apply(change, to: &image, fill: holeByte)
                    }
                }
            case .anyOrder:
                for change in pending {
                    guard case .write(let offset, let bytes) = change else {
                        if Bool.random(using: &random) { Self.apply(change, to: &image, fill: holeByte) }
                        continue
                    }
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: Self.apply(change, to: &image, fill: holeByte)
                    case 1: break
                    case 2:
                        let lost = [UInt8](repeating: holeByte, count: bytes.count)
                        Self.apply(.write(offset: offset, bytes: lost), to: &image, fill: holeByte)
                    default:
                        Self.applySomeSectors(
                            offset: offset, bytes: bytes, to: &image, fill: holeByte, using: &random)
                    }
                }
            }
            return SimulatedDisk(
                contents: image, seed: seed, readsBypassCache: readsBypassCache, holeByte: holeByte)
        }
    }

    /// Writes back what is pending (a sync, with its faults), then reads past the cache: what a
    /// lost writeback left out is not seen even though the cache had shown it.
    public func readAll() throws(StorageError) -> [UInt8] {
        let outcome: Result<[UInt8], StorageError> = lock.withLock {
            guard readsBypassCache else { return .success(visible) }
            return synchronizeLocked().map {
                visible = durable
                return durable
            }
        }
        return try outcome.get()
    }

    public func readSynced(_ range: Range<Int>) throws(StorageError) -> [UInt8] {
        lock.withLock { Array(visible[min(range.lowerBound, visible.count)..<min(range.upperBound, visible.count)]) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StorageError) -> Int {
        let outcome: Result<Int, StorageError> = lock.withLock {
            guard !poweredOff, !processKilled else { return .failure(StorageError(code: EIO)) }
            let data = Array(bytes)
            switch fault(for: .write) {
            case .noSpace: return .failure(StorageError(code: ENOSPC))
            case .ioError: return .failure(StorageError(code: EIO))
            case .shortWrite:
                let count = data.count / 2
                record(.write(offset: offset, bytes: Array(data.prefix(count))))
                return .success(count)
            case .powerCut:
                // The write was under way: some of it may be in the cache when the power goes.
                let count = Int.random(in: 0...data.count, using: &random)
                record(.write(offset: offset, bytes: Array(data.prefix(count))))
                return stop(after: .powerCut)
            case .processKilled:
                return stop(after: .processKilled)
            case .syncLosesPages, nil:
                record(.write(offset: offset, bytes: data))
                return .success(data.count)
            }
        }
        return try outcome.get()
    }

    public func synchronize() throws(StorageError) {
        try lock.withLock { synchronizeLocked() }.get()
    }

    private func synchronizeLocked() -> Result<Void, StorageError> {
        guard !poweredOff, !processKilled else { return .failure(StorageError(code: EIO)) }
        switch fault(for: .synchronize) {
        case nil:
            for change in pending { Self.apply(change, to: &durable, fill: holeByte) }
            pending = []
            return .success(())
        case .syncLosesPages:
            for change in pending where Bool.random(using: &random) { Self.apply(change, to: &durable, fill: holeByte) }
            pending = []
            return .failure(StorageError(code: EIO))
        case let fault?:
            return stop(after: fault)
        }
    }

    public func truncate(to length: Int) throws(StorageError) {
        let outcome: Result<Void, StorageError> = lock.withLock {
            guard !poweredOff, !processKilled else { return .failure(StorageError(code: EIO)) }
            if let fault = fault(for: .truncate) { return stop(after: fault) }
            record(.truncate(length: length))
            return .success(())
        }
        try outcome.get()
    }

    /// A call that fails with EIO; a power cut or a kill also stops every later call.
    private func stop<Success>(after fault: DiskFault) -> Result<Success, StorageError> {
        switch fault {
        case .powerCut: poweredOff = true
        case .processKilled: processKilled = true
        case .noSpace, .shortWrite, .ioError, .syncLosesPages: break
        }
        return .failure(StorageError(code: EIO))
    }

    private func fault(for call: Call) -> DiskFault? {
        let fault = plan(call, &random)
        if let fault { faultCounts[fault, default: 0] += 1 }
        return fault
    }

    private func record(_ change: Change) {
        Self.apply(change, to: &visible, fill: 0)
        pending.append(change)
    }

    /// `fill` pads a write past the end: zeros in the page cache, the hole byte on the disk.
    static func apply(_ change: Change, to bytes: inout [UInt8], fill: UInt8) {
        switch change {
        case .write(let offset, let data):
            if bytes.count < offset { bytes += [UInt8](repeating: fill, count: offset - bytes.count) }
            let overlap = min(data.count, bytes.count - offset)
            bytes.replaceSubrange(offset..<(offset + overlap), with: data.prefix(overlap))
            bytes += data.dropFirst(overlap)
        case .truncate(let length):
            if length < bytes.count {
                bytes.removeSubrange(length...)
            } else {
                bytes += [UInt8](repeating: 0, count: length - bytes.count)
            }
        }
    }

    /// A write torn by the disk: each sector it touches holds the new bytes or what was there
    /// before (the hole byte past the old end), independently.
    static func applySomeSectors(
        offset: Int, bytes: [UInt8], to image: inout [UInt8], fill: UInt8, using random: inout SeededGenerator
    ) {
        let end = offset + bytes.count
        if image.count < end { image += [UInt8](repeating: fill, count: end - image.count) }
        var sectorStart = offset - offset % sectorSize
        while sectorStart < end {
            let from = max(sectorStart, offset)
            let to = min(sectorStart + sectorSize, end)
            if Bool.random(using: &random) {
                image.replaceSubrange(from..<to, with: bytes[(from - offset)..<(to - offset)])
            }
            sectorStart += sectorSize
        }
    }
}
