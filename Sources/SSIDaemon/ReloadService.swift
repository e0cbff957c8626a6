import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP re-reads the configuration, between `RELOADING=1` and `READY=1`.
struct ReloadService: Service {
    let reload: @Sendable () async throws -> String
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        try? await cancelWhenGracefulShutdown {
            for await _ in signals {
                do {
                    _ = try await reload()
                } catch {
                    logger.error("configuration not reloaded", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
