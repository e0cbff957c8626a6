/// A time zone's offsets from UTC as plain data, read from TZif bytes (`/usr/share/zoneinfo`):
/// the transitions it lists, then its POSIX rule for the years after them. Pure: the caller reads
/// the file, so the domain stays free of I/O and of Foundation.
public struct ZoneRules: Sendable, Equatable {
    /// Why TZif bytes were refused.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public let name: String
    /// Instants (seconds since the epoch, ascending) at which the offset changes.
    let transitionTimes: [Int64]
    /// The offset in force from each transition on.
    let transitionOffsets: [Int32]
    /// The offset before the first transition.
    let initialOffset: Int32
    /// For instants after the last transition.
    let rule: PosixZoneRule?

    /// A zone that is always `seconds` ahead of UTC.
    public static func fixed(_ name: String, seconds: Int32) -> ZoneRules {
        ZoneRules(name: name, transitionTimes: [], transitionOffsets: [], initialOffset: seconds, rule: nil)
    }

    public static let utc = fixed("UTC", seconds: 0)

    init(name: String, transitionTimes: [Int64], transitionOffsets: [Int32], initialOffset: Int32, rule: PosixZoneRule?)
    {
        self.name = name
        self.transitionTimes = transitionTimes
        self.transitionOffsets = transitionOffsets
        self.initialOffset = initialOffset
        self.rule = rule
    }

    /// A zone from a POSIX `TZ` rule such as `CET-1CEST,M3.5.0,M10.5.0/3` or `UTC0`.
    public init(posix text: String) throws(Invalid) {
        guard let rule = PosixZoneRule(text) else { throw Invalid(description: "not a POSIX time zone rule: \(text)") }
        self.init(
            name: text, transitionTimes: [], transitionOffsets: [], initialOffset: rule.standardOffset, rule: rule)
    }

    /// Reads TZif version 1, 2 or 3 (RFC 8536): the 64-bit block and footer when present.
    public init(tzif bytes: [UInt8], name: String) throws(Invalid) {
        var reader = TZifReader(bytes: bytes)
        let first = try reader.header()
        guard first.version >= 2 else {
            let block = try reader.block(first, timeSize: 4)
            self.init(
                name: name, transitionTimes: block.times, transitionOffsets: block.offsets,
                initialOffset: block.initial, rule: nil)
            return
        }
        try reader.skip(first.blockSize(timeSize: 4))
        let second = try reader.header()
        let block = try reader.block(second, timeSize: 8)
        let footer = reader.footer()
        self.init(
            name: name, transitionTimes: block.times, transitionOffsets: block.offsets, initialOffset: block.initial,
            rule: footer.flatMap(PosixZoneRule.init))
    }

    /// The offset from UTC, in seconds, at an instant.
    public func offset(at instant: Int64) -> Int64 {
        if let last = transitionTimes.last, instant >= last, let rule {
            return Int64(rule.offset(at: instant))
        }
        if transitionTimes.isEmpty { return Int64(rule?.offset(at: instant) ?? initialOffset) }
        // The last transition at or before the instant.
        var low = 0
        var high = transitionTimes.count
        while low < high {
            let middle = (low + high) / 2
            if transitionTimes[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return Int64(low == 0 ? initialOffset : transitionOffsets[low - 1])
    }
}

/// Reads the parts of a TZif file.
struct TZifReader {
    struct Header {
        var version: Int
        var isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt: Int

        func blockSize(timeSize: Int) -> Int {
            timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        }
    }

    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func skip(_ count: Int) throws(ZoneRules.Invalid) {
        guard index + count <= bytes.count else { throw ZoneRules.Invalid(description: "truncated TZif data") }
        index += count
    }

    mutating func integer(_ size: Int) throws(ZoneRules.Invalid) -> Int64 {
        guard index + size <= bytes.count else { throw ZoneRules.Invalid(description: "truncated TZif data") }
        var value: UInt64 = 0
        for byte in bytes[index..<index + size] { value = value << 8 | UInt64(byte) }
        index += size
        // Sign-extend from `size` bytes.
        let shift = UInt64(64 - size * 8)
        return Int64(bitPattern: value << shift) >> Int64(shift)
    }

    mutating func header() throws(ZoneRules.Invalid) -> Header {
        guard index + 44 <= bytes.count, bytes[index..<index + 4].elementsEqual("TZif".utf8) else {
            throw ZoneRules.Invalid(description: "not TZif data")
        }
        let versionByte = bytes[index + 4]
        index += 20
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(try integer(4))) }
        guard counts.allSatisfy({ $0 >= 0 && $0 < 1_000_000 }) else {
            throw ZoneRules.Invalid(description: "implausible TZif counts")
        }
        return Header(
            version: versionByte == 0 ? 1 : Int(versionByte) - 48, isutcnt: counts[0], isstdcnt: counts[1],
            leapcnt: counts[2], timecnt: counts[3], typecnt: counts[4], charcnt: counts[5])
    }

    mutating func block(_ header: Header, timeSize: Int) throws(ZoneRules.Invalid) -> (
        times: [Int64], offsets: [Int32], initial: Int32
    ) {
        var times: [Int64] = []
        for _ in 0..<header.timecnt { times.append(try integer(timeSize)) }
        var typeIndexes: [Int] = []
        for _ in 0..<header.timecnt { typeIndexes.append(Int(try integer(1))) }
        var typeOffsets: [Int32] = []
        var typeIsDST: [Bool] = []
        for _ in 0..<header.typecnt {
            typeOffsets.append(Int32(try integer(4)))
            typeIsDST.append(try integer(1) != 0)
            try skip(1)
        }
        try skip(header.charcnt + header.leapcnt * (timeSize + 4) + header.isstdcnt + header.isutcnt)
        guard !typeOffsets.isEmpty, typeIndexes.allSatisfy({ $0 < typeOffsets.count }) else {
            throw ZoneRules.Invalid(description: "TZif local time types out of range")
        }
        // Before the first transition: the first standard-time type (RFC 8536 3.2).
        let initial = typeOffsets[typeIsDST.firstIndex(of: false) ?? 0]
        return (times, typeIndexes.map { typeOffsets[$0] }, initial)
    }

    /// The POSIX rule between the newlines after the 64-bit block.
    func footer() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else { return nil }
        guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "\n")), end > index + 1 else { return nil }
        return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
    }
}
