import ArgumentParser

/// The command tree; `main.swift` answers quick entry before it, and hands everything else to it.
struct SSILog: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ssi-log",
        abstract: "Log social-selling actions and see your explainable Social Selling Index.",
        discussion: """
            Quick entry: `ssi-log comment "on Ana's pricing post"`. `ssi-log actions` lists the catalog.
            Exit codes: 0 ok, 64 usage, 65 rejected input or damaged journal, 69 daemon not reachable, \
            74 I/O error, 75 temporary failure (retry), 1 other.
            """,
        version: version,
        subcommands: [
            LogCommand.self, ScoreCommand.self, StatusCommand.self, UndoCommand.self, VerifyCommand.self,
            HistoryCommand.self, ActionsCommand.self, TodayCommand.self, PauseCommand.self, ReloadCommand.self,
            ImportCommand.self, ExportCommand.self, SnapshotCommand.self, CalibrateCommand.self, WeekCommand.self,
            ReportCommand.self, TeamCommand.self,
        ],
        defaultSubcommand: LogCommand.self)
}
