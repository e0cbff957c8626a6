import SSIDomain
import SSIJournal
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// The ledger as of a journal position, saved so that a start replays only the records after it.
/// The journal stays the only source of truth: a checkpoint is used only when its checksum, format
/// version and model fingerprint hold and the journal still ends the anchored way at its position;
/// otherwise the ledger is rebuilt from the whole journal, and the log says why.
///
/// File (`checkpoint` in the state directory): 8 magic bytes, then fixed 64-bit little-endian
/// words: format version, model fingerprint, anchor offset, last seq, line count, damaged lines
/// since the last intact record, anchor checksum, body length, section offset, events in the
/// section, index buckets in the section; the body (`ScoreLedger+Checkpoint`); zeros up to the
/// section's offset, a multiple of 4096; the events' section (`SealedEvents`), which a start maps
/// and reads in place rather than into memory of its own; a CRC-32C of everything before it.
struct LedgerCheckpoint {
    static let fileName = "checkpoint"
    static let magic = Array("SSILEDG\n".utf8)
    static let formatVersion: UInt64 = 11
    /// Larger files are refused unread (a checkpoint of 1,000,000 events is about 35 MiB).
    static let sizeLimit = 1 << 30
    /// The section starts on a page, so that it can be mapped from its offset.
    static let sectionAlignment = 4096
    static let headerSize = magic.count + 11 * 8

    var ledger: ScoreLedger
    var anchor: JournalAnchor

    /// Why a checkpoint was not used.
    enum Refusal: Error, Equatable, CustomStringConvertible {
        case missing
        case unreadable(String)
        case damaged(String)
        case otherVersion(UInt64)
        case otherModel
        case journalMismatch

        var description: String {
            switch self {
            case .missing: "no checkpoint yet"
            case .unreadable(let reason): "the checkpoint cannot be read: \(reason)"
            case .damaged(let reason): "the checkpoint is damaged (\(reason))"
            case .otherVersion(let version):
                "the checkpoint has format version \(version), this ssi-logd reads \(formatVersion)"
            case .otherModel: "the checkpoint was computed with another score configuration"
            case .journalMismatch:
                "the journal does not end the way it did at the checkpoint (restored, cut or replaced)"
            }
        }
    }

    static func path(in directory: String) -> String { directory + "/" + fileName }

    /// The checkpoint's bytes for a ledger whose journal ends at `anchor`.
    static func encode(_ ledger: ScoreLedger, anchor: JournalAnchor, fingerprint: UInt64) -> [UInt8] {
        var body = BinaryWriter(capacity: 1 << 16)
        let section = ledger.encode(into: &body)
        let bodyEnd = headerSize + body.bytes.count
        let sectionOffset = (bodyEnd + sectionAlignment - 1) / sectionAlignment * sectionAlignment
        var file = BinaryWriter(capacity: sectionOffset + section.bytes.count + 8)
        file.append(magic)
        for word in [
            formatVersion, fingerprint, UInt64(anchor.position.offset), anchor.position.lastSeq,
            UInt64(anchor.position.lineCount), UInt64(anchor.position.damagedSinceGood), UInt64(anchor.checksum),
            UInt64(body.bytes.count), UInt64(sectionOffset), UInt64(section.eventCount), UInt64(section.bucketCount),
        ] {
            file.writeFixed(word)
        }
        file.append(body.bytes)
        file.append([UInt8](repeating: 0, count: sectionOffset - bodyEnd))
        file.append(section.bytes)
        file.writeFixed(UInt64(CRC32C.checksum(file.bytes)))
        return file.bytes
    }

    /// What the header says, once the checksum and the version hold.
    private struct Header {
        var fingerprint: UInt64
        var anchor: JournalAnchor
        var body: Range<Int>
        var section: Range<Int>
        var eventCount: Int
        var bucketCount: Int

        /// `prefix`: at least the header's bytes; `fileSize`: the whole file's.
        static func read(_ prefix: [UInt8], fileSize: Int) -> Result<Header, Refusal> {
            var reader = BinaryReader(prefix, from: magic.count, to: headerSize)
            do throws(BinaryReader.Malformed) {
                let version = try reader.readFixed()
                guard version == formatVersion else { return .failure(.otherVersion(version)) }
                let fingerprint = try reader.readFixed()
                var words: [UInt64] = []
                for _ in 0..<9 { words.append(try reader.readFixed()) }
                guard words[0] <= UInt64(Int.max), words[2] <= UInt64(Int.max),
                    words[5...].allSatisfy({ $0 <= UInt64(sizeLimit) })
                else { return .failure(.damaged("impossible header values")) }
                let (offset, lastSeq, lineCount, damaged, checksum) = (words[0], words[1], words[2], words[3], words[4])
                let (bodyLength, sectionOffset, eventCount, bucketCount) = (words[5], words[6], words[7], words[8])
                let sectionSize = SealedEvents.sectionSize(eventCount: Int(eventCount), bucketCount: Int(bucketCount))
                guard damaged <= lineCount, checksum <= UInt64(UInt32.max),
                    Int(sectionOffset) % sectionAlignment == 0, headerSize + Int(bodyLength) <= Int(sectionOffset),
                    Int(sectionOffset) + sectionSize == fileSize - 8
                else { return .failure(.damaged("impossible header values")) }
                let position = JournalPosition(
                    offset: Int(offset), lastSeq: lastSeq, lineCount: Int(lineCount), damagedSinceGood: Int(damaged))
                return .success(
                    Header(
                        fingerprint: fingerprint, anchor: JournalAnchor(position: position, checksum: UInt32(checksum)),
                        body: headerSize..<headerSize + Int(bodyLength),
                        section: Int(sectionOffset)..<Int(sectionOffset) + sectionSize, eventCount: Int(eventCount),
                        bucketCount: Int(bucketCount)))
            } catch {
                return .failure(.damaged(error.description))
            }
        }
    }

    /// The ledger from the body's bytes and the section's storage, under the daemon's model.
    private static func ledger(
        _ header: Header, body: [UInt8], section: any SealedEvents.Storage, model: ScoreModel
    ) -> Result<LedgerCheckpoint, Refusal> {
        guard header.fingerprint == model.inputsFingerprint else { return .failure(.otherModel) }
        guard
            let sealed = SealedEvents(
                storage: section, eventCount: header.eventCount, bucketCount: header.bucketCount)
        else { return .failure(.damaged("the events' section cannot be read in place here")) }
        var reader = BinaryReader(body)
        do throws(BinaryReader.Malformed) {
            let ledger = try ScoreLedger(decoding: &reader, model: model, end: header.anchor.position, sealed: sealed)
            return .success(LedgerCheckpoint(ledger: ledger, anchor: header.anchor))
        } catch {
            return .failure(.damaged(error.description))
        }
    }

    /// Reads a checkpoint's bytes under the model the daemon runs with (its section copied).
    static func decode(_ bytes: [UInt8], model: ScoreModel) -> Result<LedgerCheckpoint, Refusal> {
        guard bytes.count >= headerSize + 8, Array(bytes[0..<magic.count]) == magic else {
            return .failure(.damaged("not a checkpoint file, or cut short"))
        }
        var trailer = BinaryReader(bytes, from: bytes.count - 8)
        guard let stored = try? trailer.readFixed(), stored == UInt64(CRC32C.checksum(bytes[0..<bytes.count - 8]))
        else { return .failure(.damaged("checksum mismatch")) }
        return Header.read(bytes, fileSize: bytes.count).flatMap { header in
            ledger(
                header, body: Array(bytes[header.body]), section: SealedEvents.Copy(bytes[header.section]),
                model: model)
        }
    }

    /// The state directory's checkpoint, if it can be used with this model. The whole file is
    /// checked a piece at a time; the events' section is then mapped, not read: its pages are read
    /// from disk when first touched and belong to the kernel's cache, so a start's memory does not
    /// grow with the years of events.
    static func read(directory: String, model: ScoreModel) -> Result<LedgerCheckpoint, Refusal> {
        let descriptor: Int32
        let size: Int
        switch AtomicFile.openForReading(path(in: directory), limit: sizeLimit) {
        case .failure(.missing): return .failure(.missing)
        case .failure(.unreadable(let reason)): return .failure(.unreadable(reason))
        case .success(let file): (descriptor, size) = file
        }
        defer { close(descriptor) }
        func read(_ range: Range<Int>) -> Result<[UInt8], Refusal> {
            AtomicFile.readBytes(descriptor, range).mapError { failure in
                if case .unreadable(let reason) = failure { return .unreadable(reason) }
                return .missing
            }
        }
        guard size >= headerSize + 8, case .success(let prefix) = read(0..<headerSize),
            Array(prefix[0..<magic.count]) == magic
        else { return .failure(.damaged("not a checkpoint file, or cut short")) }
        var checksum: UInt32 = 0
        for start in stride(from: 0, to: size - 8, by: 1 << 20) {
            switch read(start..<min(start + (1 << 20), size - 8)) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let chunk):
                checksum = chunk.withUnsafeBytes { CRC32C.checksum(buffer: $0, continuing: checksum) }
            }
        }
        let trailer: [UInt8]
        switch read(size - 8..<size) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let bytes): trailer = bytes
        }
        var trailerReader = BinaryReader(trailer)
        guard (try? trailerReader.readFixed()) == UInt64(checksum) else {
            return .failure(.damaged("checksum mismatch"))
        }
        return Header.read(prefix, fileSize: size).flatMap { header in
            read(header.body).flatMap { body in
                guard let section = MappedSection(descriptor, header.section) else {
                    return .failure(
                        .unreadable("the events' section cannot be mapped: \(String(cString: strerror(errno)))"))
                }
                return ledger(header, body: body, section: section, model: model)
            }
        }
    }

    /// Replaces the state directory's checkpoint atomically (temporary file, fsync, rename,
    /// directory fsync); nil on success, else why not.
    static func write(_ bytes: [UInt8], directory: String) -> String? {
        AtomicFile.write(bytes: bytes, to: path(in: directory))
    }
}
