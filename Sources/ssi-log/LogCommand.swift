import ArgumentParser
import SSIDomain
import SSIJSON
import SSIProtocol

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log an action (the default: `ssi-log ACTION [NOTE...]`).")

    @Argument(help: "The action, from `ssi-log actions` (comment, connect, post, …); none shows the score and today.")
    var action: String?

    @Argument(help: "A free-text note.")
    var note: [String] = []

    @Option(
        parsing: .unconditional,
        help: """
            When it happened: 2026-11-29T09:30 (local), 09:30, today 09:30, yesterday, yesterday 17:00, monday \
            (the last one), 2h ago, -90m, -2d.
            """)
    var at: String?

    @Option(help: "How many (followers gained, views received, …).")
    var count: Int = 1

    @Option(help: "A link to the post, profile or thread.")
    var url: String?

    @Option(name: .customLong("tag"), help: "A tag; repeat for more (decision-maker, internal, …).")
    var tags: [String] = []

    @Option(help: "The profile section, for `profile`.")
    var section: String?

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        guard let action else {
            guard note.isEmpty, at == nil, count == 1, url == nil, tags.isEmpty, section == nil else {
                throw ValidationError("name the action to log (ssi-log actions lists them)")
            }
            try Self.overview(options.settings)
            return
        }
        let request = LogRequest(
            action: action, note: note.isEmpty ? nil : note.joined(separator: " "), at: at, count: count, url: url,
            tags: tags, section: section)
        try Self.log(request, options: options.settings)
    }

    /// Sends one log request and prints its answer: the parsed command and quick entry share it.
    static func log(_ request: LogRequest, options: ClientSettings) throws {
        let result: LogResult = try ClientExit.perform(.log(request), options: options)
        guard !options.json else { return }
        print(
            "logged \(result.action) \(result.id)\(result.repeated ? " (already logged)" : "") "
                + "· score \(TextFormat.decimal(result.score.totalHundredths)) · \(result.pillar.rawValue) "
                + "\(TextFormat.decimal(result.score.hundredths(result.pillar))) (\(TextFormat.signed(result.deltaHundredths)))"
        )
    }

    /// `ssi-log` alone: the score and today's progress.
    static func overview(_ settings: ClientSettings) throws {
        var quiet = settings
        quiet.json = false
        let score: Score = try ClientExit.perform(.score(explain: false), options: quiet)
        let today: TodayResult = try ClientExit.perform(.today, options: quiet)
        if settings.json {
            print(JSONValue.object([("score", score.json), ("today", today.json)]).serialized())
            return
        }
        ScoreCommand.printScore(score)
        TodayCommand.printReport(today)
    }
}
