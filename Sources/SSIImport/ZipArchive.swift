import CZlib

/// A zip archive read in memory, as LinkedIn sends its export: the central directory, then each
/// entry stored or deflated (zlib's raw inflate), its CRC-32 checked. Nothing is unpacked to disk.
/// Sizes are bounded before anything is inflated, and inflating stops at the declared size, so a
/// zip bomb is refused rather than expanded.
public struct ZipArchive: Sendable {
    /// One file in the archive.
    public struct Entry: Sendable, Equatable {
        /// The path inside the archive (`Connections.csv`, `Jobs/Saved Jobs.csv`).
        public let path: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        public let size: Int
        let localHeaderOffset: Int

        /// The last path component.
        public var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
        public var isDirectory: Bool { path.hasSuffix("/") }
    }

    /// No entry of an export comes near this; a larger declared size is refused before inflating.
    public static let maxEntryBytes = 512 << 20
    /// Inflated bytes of all entries read together.
    public static let maxTotalBytes = 2 << 30
    /// Deflate reaches about 1000:1 at best on real text; beyond that an entry is a bomb.
    public static let maxRatio = 1_100

    public let entries: [Entry]
    private let bytes: [UInt8]

    public init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        self.entries = try Self.readDirectory(bytes)
        var total = 0
        for entry in entries {
            total += entry.size
            guard total <= Self.maxTotalBytes else {
                throw ZipError("the archive declares more than \(Self.maxTotalBytes >> 30) GiB of content: refused")
            }
        }
    }

    /// Whether bytes start like a zip archive.
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The entry's content, inflated and checked against its CRC-32.
    public func read(_ entry: Entry) throws(ZipError) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else {
            throw ZipError("\(entry.path): local header missing (damaged or truncated archive)")
        }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start + entry.compressedSize <= bytes.count else {
            throw ZipError("\(entry.path): data runs past the end of the archive (truncated download?)")
        }
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw ZipError("\(entry.path): stored sizes disagree") }
            data = Array(bytes[start..<start + entry.size])
        case 8:
            data = try inflate(bytes[start..<start + entry.compressedSize], expected: entry.size, path: entry.path)
        default:
            throw ZipError(
                "\(entry.path): compression method \(entry.method) is not supported (stored or deflated only)")
        }
        let actual = data.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard actual == entry.crc else {
            throw ZipError("\(entry.path): CRC-32 mismatch (the archive is damaged)")
        }
        return data
    }

    private func inflate(_ input: ArraySlice<UInt8>, expected: Int, path: String) throws(ZipError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected + 1)
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError("\(path): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var input = Array(input)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        guard produced <= expected else {
            throw ZipError("\(path): inflates beyond its declared \(expected) bytes (a zip bomb?): refused")
        }
        guard status == Z_STREAM_END, produced == expected else {
            throw ZipError("\(path): deflate data is damaged (zlib status \(status), \(produced) of \(expected) bytes)")
        }
        output.removeLast()
        return output
    }

    static func readDirectory(_ bytes: [UInt8]) throws(ZipError) -> [Entry] {
        // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB, at the end.
        guard bytes.count >= 22 else { throw ZipError("not a zip archive (too short)") }
        var end = -1
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while position >= lowest {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 5, bytes[position + 3] == 6
            {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else {
            throw ZipError("no zip directory found: the archive is truncated or damaged (download it again)")
        }
        let reader = ByteReader(bytes: bytes)
        let count = Int(reader.u16(end + 10))
        let size = Int(reader.u32(end + 12))
        let offset = Int(reader.u32(end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw ZipError("ZIP64 archives are not supported (an export is far smaller)")
        }
        guard offset + size <= end else { throw ZipError("the zip directory points past its end: damaged archive") }
        var entries: [Entry] = []
        var cursor = offset
        for _ in 0..<count {
            guard cursor + 46 <= end, reader.u32(cursor) == 0x0201_4B50 else {
                throw ZipError("the zip directory is damaged (entry \(entries.count + 1))")
            }
            let nameLength = Int(reader.u16(cursor + 28))
            let extraLength = Int(reader.u16(cursor + 30))
            let commentLength = Int(reader.u16(cursor + 32))
            guard cursor + 46 + nameLength <= end else { throw ZipError("the zip directory is damaged (a name)") }
            let entry = Entry(
                path: String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self),
                method: reader.u16(cursor + 10), flags: reader.u16(cursor + 8), crc: reader.u32(cursor + 16),
                compressedSize: Int(reader.u32(cursor + 20)), size: Int(reader.u32(cursor + 24)),
                localHeaderOffset: Int(reader.u32(cursor + 42)))
            guard entry.flags & 1 == 0 else {
                throw ZipError("\(entry.path) is encrypted: export it again without a password")
            }
            guard entry.size <= maxEntryBytes else {
                throw ZipError(
                    "\(entry.path) declares \(entry.size) bytes, over the \(maxEntryBytes >> 20) MiB limit: refused")
            }
            guard entry.compressedSize == 0 || entry.size / max(1, entry.compressedSize) <= maxRatio else {
                throw ZipError(
                    "\(entry.path) would inflate \(entry.size / entry.compressedSize) times: a zip bomb, refused")
            }
            entries.append(entry)
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    private func u16(_ at: Int) -> UInt16 { ByteReader(bytes: bytes).u16(at) }
    private func u32(_ at: Int) -> UInt32 { ByteReader(bytes: bytes).u32(at) }
}

/// Little-endian integers at offsets the caller has bounds-checked.
struct ByteReader {
    let bytes: [UInt8]

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }

    func u32(_ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
