import SSIDomain

#if canImport(Glibc)
    import Glibc
#endif

/// ssi-logd's entries read from journal files in a directory (what systemd-journal-remote
/// writes), through libsystemd. The library is opened here, when `team` runs, not linked: linking
/// it would load it and five libraries it needs at every `ssi-log` start.
enum JournaldDirectory {
    struct Failure: Error {
        let message: String
    }

    static let kept: Set<String> = ["MESSAGE_ID", "MESSAGE", "_HOSTNAME", "_MACHINE_ID"]

    typealias Open = @convention(c) (UnsafeMutablePointer<OpaquePointer?>, UnsafePointer<CChar>, Int32) -> Int32
    typealias Close = @convention(c) (OpaquePointer) -> Void
    typealias AddMatch = @convention(c) (OpaquePointer, UnsafeRawPointer, Int) -> Int32
    typealias Next = @convention(c) (OpaquePointer) -> Int32
    typealias Realtime = @convention(c) (OpaquePointer, UnsafeMutablePointer<UInt64>) -> Int32
    typealias Restart = @convention(c) (OpaquePointer) -> Void
    typealias Enumerate =
        @convention(c) (OpaquePointer, UnsafeMutablePointer<UnsafeRawPointer?>, UnsafeMutablePointer<Int>)
        -> Int32

    static func symbol<T>(_ library: UnsafeMutableRawPointer, _ name: String, as type: T.Type) throws(Failure) -> T {
        guard let address = dlsym(library, name) else { throw Failure(message: "libsystemd lacks \(name)") }
        return unsafeBitCast(address, to: type)
    }

    static func read(_ directory: String) throws(Failure) -> [TeamView.Entry] {
        guard let library = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL) else {
            throw Failure(message: "cannot load libsystemd.so.0 (Debian package libsystemd0)")
        }
        defer { dlclose(library) }
        let open = try symbol(library, "sd_journal_open_directory", as: Open.self)
        let close = try symbol(library, "sd_journal_close", as: Close.self)
        let addMatch = try symbol(library, "sd_journal_add_match", as: AddMatch.self)
        let next = try symbol(library, "sd_journal_next", as: Next.self)
        let realtime = try symbol(library, "sd_journal_get_realtime_usec", as: Realtime.self)
        let restart = try symbol(library, "sd_journal_restart_data", as: Restart.self)
        let enumerate = try symbol(library, "sd_journal_enumerate_data", as: Enumerate.self)
        var opened: OpaquePointer?
        let status = open(&opened, directory, 0)
        guard status >= 0, let journal = opened else {
            throw Failure(message: "cannot open the journal files in \(directory) (error \(-status))")
        }
        defer { close(journal) }
        let match = Array("SYSLOG_IDENTIFIER=ssi-logd".utf8)
        _ = match.withUnsafeBytes { addMatch(journal, $0.baseAddress!, $0.count) }
        var entries: [TeamView.Entry] = []
        while next(journal) > 0 {
            var microseconds: UInt64 = 0
            _ = realtime(journal, &microseconds)
            var fields: [String: String] = [:]
            var data: UnsafeRawPointer?
            var length = 0
            restart(journal)
            while enumerate(journal, &data, &length) > 0 {
                guard let data else { continue }
                let bytes = UnsafeRawBufferPointer(start: data, count: length)
                guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                guard name.hasPrefix("SSI_") || kept.contains(name) else { continue }
                fields[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            entries.append(TeamView.Entry(fields: fields, time: Int64(microseconds / 1_000_000)))
        }
        return entries
    }
}
