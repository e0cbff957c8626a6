#if canImport(Glibc)
    import Glibc
#endif

/// A progress bar on the terminal (rows done of the total, rate, time left) once an import has
/// taken more than half a second; nothing when standard error is not a terminal.
struct ImportProgress {
    let total: Int
    private let started = ImportProgress.seconds()
    private var lastDrawn = 0.0
    private var drawn = false
    private let terminal = isatty(2) != 0

    init(total: Int) {
        self.total = total
    }

    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The line for `done` rows at `elapsed` seconds: `[####·····]  1200/5000 rows  2400/s  2 s left`.
    static func line(done: Int, total: Int, elapsed: Double) -> String {
        let width = 24
        let filled = total == 0 ? width : done * width / total
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled) + "]  "
            + "\(done)/\(total) rows  \(Int(rate))/s  \(left) s left"
    }

    mutating func update(done: Int) {
        guard terminal else { return }
        let now = Self.seconds()
        guard now - started > 0.5, now - lastDrawn > 0.1 || done == total else { return }
        lastDrawn = now
        drawn = true
        write(2, "\r\u{1B}[K" + Self.line(done: done, total: total, elapsed: now - started))
    }

    func finish() {
        if drawn { write(2, "\n") }
    }

    private func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
