import SSIDomain

#if canImport(Glibc)
    import Glibc
#endif

/// Finds and reads a time zone's rules: a name from the configuration, else `$TZ`, else
/// `/etc/localtime`, from the system's TZif files in `/usr/share/zoneinfo`.
public enum ZoneLoader {
    static let directory = "/usr/share/zoneinfo"

    /// The zone `name` names, or nil when there is none by that name.
    public static func named(_ name: String) -> ZoneRules? {
        guard !name.isEmpty, !name.split(separator: "/").contains(".."), !name.hasPrefix("/") else { return nil }
        if name == "UTC" || name == "Etc/UTC" { return .utc }
        return read(directory + "/" + name, name: name)
    }

    /// The user's zone: `$TZ` (a zone name, a TZif path or a POSIX rule), else `/etc/localtime`,
    /// else UTC.
    public static func current() -> ZoneRules {
        if let value = getenv("TZ").map({ String(cString: $0) }) {
            let text = value.hasPrefix(":") ? String(value.dropFirst()) : value
            if text.isEmpty { return .utc }
            if text.hasPrefix("/"), let zone = read(text, name: text) { return zone }
            if let zone = named(text) { return zone }
            if let zone = try? ZoneRules(posix: text) { return zone }
        }
        return read("/etc/localtime", name: localtimeName()) ?? .utc
    }

    /// `Europe/Lisbon` from `/etc/localtime -> /usr/share/zoneinfo/Europe/Lisbon`.
    static func localtimeName() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard count > 0 else { return "localtime" }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let parts = target.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: "zoneinfo") else { return target }
        return parts[(index + 1)...].joined(separator: "/")
    }

    static func read(_ path: String, name: String) -> ZoneRules? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return try? ZoneRules(tzif: bytes, name: name)
    }
}
