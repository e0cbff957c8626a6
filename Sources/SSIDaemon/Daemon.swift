import Logging
import NIOCore
import SSIConfig
import SSIDomain
import SSIJournal
import SSIProtocol
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// `ssi-logd`: replays the journal, listens, and serves until SIGTERM or SIGINT.
public enum Daemon {
    /// Runs the daemon; returns the process exit code.
    public static func run(_ options: DaemonOptions) async -> Int32 {
        umask(0o077)
        let useJournal =
            options.logTarget == .journal || (options.logTarget == .auto && JournaldLogHandler.stderrIsJournal())
        LoggingSystem.bootstrap { label in
            if useJournal { return JournaldLogHandler(label: label) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "ssi-logd")
        do {
            try await serve(options, logger: logger, logsToJournal: useJournal)
            return 0
        } catch let error as DaemonError {
            logger.critical("\(error.description)")
            if !useJournal || isatty(2) != 0 { writeStandardError("ssi-logd: \(error.description)\n") }
            return error.exitCode
        } catch {
            logger.critical("stopped by an unexpected error", metadata: ["error": "\(error)"])
            return 1
        }
    }

    static func writeStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func loadConfiguration(_ options: DaemonOptions) throws(DaemonError) -> Configuration {
        do {
            return try ConfigurationLoader.load(file: options.configFile, required: options.configRequired)
        } catch {
            throw .configuration("configuration refused: \(error.description)")
        }
    }

    static func serve(_ options: DaemonOptions, logger: Logger, logsToJournal: Bool) async throws {
        let configuration = try loadConfiguration(options)
        let endpoint = try ListenEndpoint.fromActivation() ?? .path(options.socketPath)
        let store = try openStore(options, configuration: configuration, logger: logger)
        let notifier = SystemdNotifier()
        var initialScore: Score?
        if let lastRecorded = await store.lastRecorded { initialScore = await store.state.score(at: lastRecorded) }
        let monitor = AlertMonitor(
            settings: configuration.alerts, initial: initialScore,
            echo: logsToJournal ? nil : logger, weekFile: options.stateDirectory + "/weekly-sent",
            metrics: configuration.metrics, clock: WallClock.make(), currentState: { await store.state })
        let reload: @Sendable () async throws -> String = {
            notifier.reloading()
            defer { notifier.notify("READY=1") }
            let fresh = try loadConfiguration(options)
            let replayed = try await store.reload(fresh)
            await monitor.update(settings: fresh.alerts, metrics: fresh.metrics)
            let replay = replayed.map {
                "the score model counts events differently: \($0) record\($0 == 1 ? "" : "s") replayed"
            }
            logger.notice(
                "configuration reloaded; \(replay ?? "the score model counts events as before: nothing replayed")",
                metadata: ["config": "\(fresh.source)"])
            return fresh.source
        }
        let socketPath: String
        if case .path(let path) = endpoint { socketPath = path } else { socketPath = "(socket activation)" }
        let router = RequestRouter(
            store: store, socketPath: socketPath, stateDirectory: options.stateDirectory,
            calibrationFile: ConfigurationLoader.calibrationFile(besides: options.configFile), reload: reload)
        let server = SocketServer(
            endpoint: endpoint, router: router, settings: configuration.daemon, logger: logger,
            onListening: {
                Task {
                    let status = await statusLine(store)
                    notifier.ready(status: status)
                    logger.info("ready: \(status)", metadata: ["socket": "\(socketPath)"])
                    await store.checkpointIfDue()
                }
            })
        // Shut down in reverse: the server stops taking requests, the store writes what is queued
        // and ends its stream of batches, and the consumer handles the last of them.
        let group = ServiceGroup(
            services: [
                CommittedBatchService(store: store, monitor: monitor), EventStoreService(store: store), server,
                AlertService(store: store, monitor: monitor), NotifyService(notifier: notifier),
                ReloadService(reload: reload, logger: logger),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }

    /// The journal opened and replayed (from the checkpoint when it can be). What the start read
    /// (the scan's entries: every record after a rebuild; the checkpoint as read) is let go on
    /// return, not kept for the daemon's life beside the ledger built from it.
    static func openStore(
        _ options: DaemonOptions, configuration: Configuration, logger: Logger
    ) throws(DaemonError) -> EventStore {
        let journal: JournalFile
        let scan: JournalScan
        let checkpoint = LedgerCheckpoint.read(directory: options.stateDirectory, model: configuration.model)
        do {
            (journal, scan) = try JournalFile.open(
                directory: options.stateDirectory, resumingAt: try? checkpoint.get().anchor)
        } catch .locked(let message) {
            throw .alreadyRunning(message)
        } catch {
            throw .journal(error.description)
        }
        report(scan, path: journal.path, logger: logger)
        report(checkpoint, scan: scan, logger: logger)
        return EventStore(
            journal: journal, scan: scan, resuming: try? checkpoint.get(), checkpointDirectory: options.stateDirectory,
            configuration: configuration, clock: WallClock.make())
    }

    static func statusLine(_ store: EventStore) async -> String {
        let state = await store.state
        let score = state.score(at: await store.now())
        return "\(Quantity.text(await store.recordCount, "record")), score \(Score.format(score.totalHundredths))"
    }

    /// Whether start resumed from the checkpoint, and if not, why the ledger was rebuilt.
    static func report(
        _ checkpoint: Result<LedgerCheckpoint, LedgerCheckpoint.Refusal>, scan: JournalScan, logger: Logger
    ) {
        let refusal: LedgerCheckpoint.Refusal
        switch checkpoint {
        case .success(let saved) where scan.start == saved.anchor.position:
            let tail = Quantity.text(scan.entries.count + scan.damaged.count, "record")
            logger.info(
                "resumed from the checkpoint at seq \(saved.anchor.position.lastSeq); replayed \(tail) after it")
            return
        case .success: refusal = .journalMismatch
        case .failure(let reason): refusal = reason
        }
        let message =
            "ledger rebuilt from the whole journal (" + Quantity.text(scan.entries.count, "record") + "): "
            + refusal.description
        if refusal == .missing { logger.info("\(message)") } else { logger.notice("\(message)") }
    }

    /// Damage found at start: a torn tail was cut (warning); a damaged record stays in the file but
    /// out of the score (error), so the user can inspect it with `ssi-log verify`.
    static func report(_ scan: JournalScan, path: String, logger: Logger) {
        if let torn = scan.tornTail {
            logger.warning(
                "cut an incomplete last record off the journal: \(torn.reason)",
                metadata: ["journal": "\(path)", "line": "\(torn.line)", "offset": "\(torn.offset)"])
        }
        for damage in scan.damaged {
            logger.error(
                "damaged journal record kept out of the score: \(damage.reason)",
                metadata: ["journal": "\(path)", "line": "\(damage.line)", "offset": "\(damage.offset)"])
        }
        for gap in scan.gaps {
            logger.error(
                "journal records missing between seq \(gap.after) and \(gap.before)", metadata: ["journal": "\(path)"])
        }
    }
}
