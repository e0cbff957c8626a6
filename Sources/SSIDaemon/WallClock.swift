import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon's notion of now, in whole seconds. `SSI_LOG_CLOCK_FILE` names a file holding the
/// time instead: tests use it to let simulated days pass for a running daemon.
enum WallClock {
    static func make() -> @Sendable () -> Int64 {
        guard let pointer = getenv("SSI_LOG_CLOCK_FILE") else { return { Int64(time(nil)) } }
        let path = String(cString: pointer)
        return {
            guard let file = fopen(path, "r") else { return Int64(time(nil)) }
            defer { fclose(file) }
            var buffer = [CChar](repeating: 0, count: 32)
            guard fgets(&buffer, 32, file) != nil else { return Int64(time(nil)) }
            return Int64(String(cString: buffer).filter(\.isNumber)) ?? Int64(time(nil))
        }
    }
}
