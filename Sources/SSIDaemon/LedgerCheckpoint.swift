import SSIDomain
import SSIJournal
import SSISystem

/// The ledger as of a journal position, saved so that a start replays only the records after it.
/// The journal stays the only source of truth: a checkpoint is used only when its checksum, format
/// version and model fingerprint hold and the journal still ends the anchored way at its position;
/// otherwise the ledger is rebuilt from the whole journal, and the log says why.
///
/// File (`checkpoint` in the state directory): 8 magic bytes, then fixed 64-bit little-endian
/// words: format version, model fingerprint, anchor offset, last seq, line count, damaged lines
/// since the last intact record, anchor checksum, body length; the body (`ScoreLedger+Checkpoint`);
/// a CRC-32C of everything before it.
struct LedgerCheckpoint {
    static let fileName = "checkpoint"
    static let magic = Array("SSILEDG\n".utf8)
    static let formatVersion: UInt64 = 10
    /// Larger files are refused unread (a checkpoint of 1,000,000 events is about 60 MiB).
    static let sizeLimit = 1 << 30

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
        ledger.encode(into: &body)
        var file = BinaryWriter(capacity: body.bytes.count + 96)
        file.append(magic)
        for word in [
            formatVersion, fingerprint, UInt64(anchor.position.offset), anchor.position.lastSeq,
            UInt64(anchor.position.lineCount), UInt64(anchor.position.damagedSinceGood), UInt64(anchor.checksum),
            UInt64(body.bytes.count),
        ] {
            file.writeFixed(word)
        }
        file.append(body.bytes)
        file.writeFixed(UInt64(CRC32C.checksum(file.bytes)))
        return file.bytes
    }

    /// Reads a checkpoint's bytes under the model the daemon runs with.
    static func decode(_ bytes: [UInt8], model: ScoreModel) -> Result<LedgerCheckpoint, Refusal> {
        guard bytes.count >= magic.count + 9 * 8, Array(bytes[0..<magic.count]) == magic else {
            return .failure(.damaged("not a checkpoint file, or cut short"))
        }
        var trailer = BinaryReader(bytes, from: bytes.count - 8)
        guard let stored = try? trailer.readFixed(), stored == UInt64(CRC32C.checksum(bytes[0..<bytes.count - 8]))
        else { return .failure(.damaged("checksum mismatch")) }
        var reader = BinaryReader(bytes, from: magic.count, to: bytes.count - 8)
        do throws(BinaryReader.Malformed) {
            let version = try reader.readFixed()
            guard version == formatVersion else { return .failure(.otherVersion(version)) }
            guard try reader.readFixed() == model.inputsFingerprint else { return .failure(.otherModel) }
            let offset = try reader.readFixed()
            let lastSeq = try reader.readFixed()
            let lineCount = try reader.readFixed()
            let damaged = try reader.readFixed()
            let checksum = try reader.readFixed()
            let bodyLength = try reader.readFixed()
            guard offset <= UInt64(Int.max), lineCount <= UInt64(Int.max), damaged <= lineCount,
                checksum <= UInt64(UInt32.max), bodyLength == UInt64(bytes.count - 8 - reader.position)
            else { return .failure(.damaged("impossible header values")) }
            let position = JournalPosition(
                offset: Int(offset), lastSeq: lastSeq, lineCount: Int(lineCount), damagedSinceGood: Int(damaged))
            let ledger = try ScoreLedger(decoding: &reader, model: model, end: position)
            return .success(
                LedgerCheckpoint(ledger: ledger, anchor: JournalAnchor(position: position, checksum: UInt32(checksum))))
        } catch {
            return .failure(.damaged(error.description))
        }
    }

    /// The state directory's checkpoint, if it can be used with this model.
    static func read(directory: String, model: ScoreModel) -> Result<LedgerCheckpoint, Refusal> {
        switch AtomicFile.readBytes(path(in: directory), limit: sizeLimit) {
        case .failure(.missing): .failure(.missing)
        case .failure(.unreadable(let reason)): .failure(.unreadable(reason))
        case .success(let bytes): decode(bytes, model: model)
        }
    }

    /// Replaces the state directory's checkpoint atomically (temporary file, fsync, rename,
    /// directory fsync); nil on success, else why not.
    static func write(_ bytes: [UInt8], directory: String) -> String? {
        AtomicFile.write(bytes: bytes, to: path(in: directory))
    }
}
