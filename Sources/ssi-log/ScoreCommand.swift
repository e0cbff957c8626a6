import ArgumentParser
import SSIDomain
import SSIProtocol

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Show the score: the total and the four pillars.")

    @Flag(help: "Explain each pillar: its components, the top actions and the next best actions.")
    var explain = false

    @OptionGroup var options: ClientOptions

    func run() throws {
        guard explain else {
            try Self.show(options.settings)
            return
        }
        let result: ExplanationResult = try ClientExit.perform(.score(explain: true), options: options.settings)
        guard !options.json else { return }
        Self.printScore(result.score) { pillar in
            for component in result.pillars[pillar]?.components ?? [] {
                print(
                    "      \(TextFormat.padded(component.name, 18)) "
                        + "\(TextFormat.leftPadded(TextFormat.decimal(component.pointsHundredths), 6)) pts  "
                        + "(raw \(TextFormat.decimal(component.rawHundredths)); \(component.detail))")
            }
        }
        if !result.topActions.isEmpty {
            print("Carrying most of your activity now:")
            for item in result.topActions {
                print("  \(TextFormat.padded(item.action, 18)) raw \(TextFormat.decimal(item.rawHundredths))")
            }
        }
        print("Next best actions (points one more would add now):")
        for item in result.nextBestActions.prefix(8) {
            print(
                "  \(TextFormat.padded(item.action, 18)) \(TextFormat.signed(item.gainHundredths))  (\(item.pillar.rawValue))"
            )
        }
    }

    /// The score, and LinkedIn's last number beside it: the parsed command and `ssi-log score` alone
    /// share it.
    static func show(_ settings: ClientSettings) throws {
        let result: ScoreResult = try ClientExit.perform(.score(explain: false), options: settings)
        guard !settings.json else { return }
        printScore(result.score)
        if let snapshot = result.snapshot {
            print("LinkedIn's SSI page, \(snapshot.occurred):")
            SnapshotCommand.printComparison(snapshot, local: result.score)
        }
    }

    /// The total and a bar per pillar; `details` prints under each pillar.
    static func printScore(_ score: Score, details: (Pillar) -> Void = { _ in }) {
        print("SSI \(TextFormat.decimal(score.totalHundredths)) / 100")
        for pillar in Pillar.allCases {
            print(
                "  \(TextFormat.padded(pillar.rawValue, 14)) "
                    + "\(TextFormat.leftPadded(TextFormat.decimal(score.hundredths(pillar)), 5)) / 25  "
                    + TextFormat.bar(score.value(pillar), maximum: 25, width: 25))
            details(pillar)
        }
    }
}
