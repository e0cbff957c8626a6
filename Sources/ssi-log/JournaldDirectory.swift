import CSystemd
import SSIDomain

/// ssi-logd's entries read from journal files in a directory (what systemd-journal-remote
/// writes), through libsystemd.
enum JournaldDirectory {
    struct Failure: Error {
        let message: String
    }

    static let kept: Set<String> = ["MESSAGE_ID", "MESSAGE", "_HOSTNAME", "_MACHINE_ID"]

    static func read(_ directory: String) throws(Failure) -> [TeamView.Entry] {
        var journal: OpaquePointer?
        let opened = sd_journal_open_directory(&journal, directory, 0)
        guard opened >= 0, let journal else {
            throw Failure(message: "cannot open the journal files in \(directory) (error \(-opened))")
        }
        defer { sd_journal_close(journal) }
        sd_journal_add_match(journal, "SYSLOG_IDENTIFIER=ssi-logd", 0)
        var entries: [TeamView.Entry] = []
        while sd_journal_next(journal) > 0 {
            var microseconds: UInt64 = 0
            sd_journal_get_realtime_usec(journal, &microseconds)
            var fields: [String: String] = [:]
            var data: UnsafeRawPointer?
            var length = 0
            sd_journal_restart_data(journal)
            while sd_journal_enumerate_data(journal, &data, &length) > 0 {
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
