import SSIDomain

/// The result of reading a journal: the entries that can be trusted, in file order, and the damage.
public struct JournalScan: Sendable {
    public var entries: [JournalEntry] = []
    /// Damaged records in the middle of the file: kept out of the state, left in the file.
    public var damaged: [JournalDamage] = []
    /// Records missing from the sequence although no damaged line explains them.
    public var gaps: [(after: UInt64, before: UInt64)] = []
    /// An incomplete last record: never acknowledged, cut off when the daemon repairs the file.
    public var tornTail: JournalDamage?
    /// Where the last complete line ends: the length to cut the file back to.
    public var validLength: Int = 0
    public var lastSeq: UInt64 = 0
    /// Complete lines, damaged ones included.
    public var lineCount = 0

    /// The sequence number the next appended record gets: past every intact record and every
    /// damaged line, so that a damaged record's number is never reused.
    public var nextSeq: UInt64 { max(lastSeq, UInt64(lineCount)) + 1 }

    public var isIntact: Bool { damaged.isEmpty && gaps.isEmpty && tornTail == nil }

    /// Every problem, in file order, as `verify` lists them.
    public var problems: [JournalDamage] {
        damaged + (tornTail.map { [$0] } ?? [])
    }

    /// Where this scan began: the start of the file, or a checkpoint's position.
    public var start = JournalPosition.start
    /// Damaged lines since the last intact record, at the end of the scan.
    public var damagedSinceGood = 0

    /// Where the scan stopped, for a later scan to resume from.
    public var end: JournalPosition {
        JournalPosition(
            offset: validLength, lastSeq: lastSeq, lineCount: lineCount, damagedSinceGood: damagedSinceGood)
    }

    /// Reads journal bytes: the whole file, or (with `start`) the bytes from a record boundary on,
    /// continuing as if everything before had been read. Never throws: damage is data. Offsets and
    /// line numbers are the file's.
    public static func scan(_ bytes: [UInt8], from start: JournalPosition = .start) -> JournalScan {
        var result = JournalScan()
        result.start = start
        result.lastSeq = start.lastSeq
        result.lineCount = start.lineCount
        result.validLength = start.offset
        let base = start.offset
        var lineStart = 0
        var lineNumber = start.lineCount
        var damagedSinceGood = start.damagedSinceGood
        defer { result.damagedSinceGood = damagedSinceGood }
        bytes.withUnsafeBufferPointer { buffer in
            while lineStart < buffer.count {
                lineNumber += 1
                guard let newline = buffer[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                    result.tornTail = JournalDamage(
                        line: lineNumber, offset: base + lineStart, reason: .tornTail(bytes: buffer.count - lineStart))
                    break
                }
                let start = lineStart
                lineStart = newline + 1
                result.validLength = base + lineStart
                result.lineCount += 1
                var recordStart = start
                // No record holds a NUL byte (JSON escapes control characters), so NULs are a hole:
                // a write lost in a crash after the file's size reached the disk. The hole is damage,
                // and the next record may begin right after it instead of being lost with it.
                if let lastNUL = buffer[start..<newline].lastIndex(of: 0) {
                    result.damaged.append(
                        JournalDamage(line: lineNumber, offset: base + start, reason: .hole(bytes: lastNUL + 1 - start))
                    )
                    damagedSinceGood += 1
                    recordStart = lastNUL + 1
                }
                // A hole that runs up to the newline leaves nothing more to read on this line.
                guard recordStart < newline || recordStart == start else { continue }
                do throws(JournalDamage.Reason) {
                    let entry = try JournalRecord.decode(buffer[recordStart..<newline])
                    if entry.seq <= result.lastSeq {
                        throw JournalDamage.Reason.sequence(expected: result.lastSeq + 1, found: entry.seq)
                    }
                    let missing = entry.seq - result.lastSeq - 1
                    if missing > UInt64(damagedSinceGood) { result.gaps.append((result.lastSeq, entry.seq)) }
                    result.entries.append(entry)
                    result.lastSeq = entry.seq
                    damagedSinceGood = 0
                } catch {
                    result.damaged.append(JournalDamage(line: lineNumber, offset: base + recordStart, reason: error))
                    damagedSinceGood += 1
                }
            }
        }
        return result
    }
}
