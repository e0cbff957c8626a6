import ArgumentParser
import SSIDomain
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record what LinkedIn's SSI page shows, to compare with the local score.",
        discussion: """
            `ssi-log snapshot 53 13.04 10.5 8.79 20.998 --industry-rank 3 --network-rank 12`, or copy the \
            whole SSI page (select all, copy) and run `ssi-log snapshot --paste`, pasting it on standard \
            input. Snapshots are journal records (undo and export them), never part of the score.
            """)

    @Argument(help: "TOTAL BRAND FIND ENGAGE RELATIONSHIPS as the page shows them (decimal point or comma).")
    var values: [String] = []

    @Flag(help: "Read the text copied from the SSI page on standard input and find the numbers in it.")
    var paste = false

    @Option(help: "The \"Top N%\" rank in your industry.")
    var industryRank: Int?

    @Option(help: "The \"Top N%\" rank in your network.")
    var networkRank: Int?

    @Option(parsing: .unconditional, help: "When the page showed it (as for --at; default now).")
    var at: String?

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard paste == values.isEmpty else {
            throw ValidationError("give TOTAL BRAND FIND ENGAGE RELATIONSHIPS, or --paste (not both)")
        }
        guard paste || values.count == 5 else {
            throw ValidationError("give five numbers: TOTAL BRAND FIND ENGAGE RELATIONSHIPS")
        }
    }

    func run() throws {
        let read = paste ? try fromPaste() : try fromArguments()
        let request = SnapshotRequest(
            total: read.total, pillarThousandths: read.pillarThousandths,
            industryRank: industryRank ?? read.industryRank, networkRank: networkRank ?? read.networkRank, at: at)
        let result: SnapshotResult = try ClientExit.perform(.snapshot(request), options: options.settings)
        guard !options.json else { return }
        print(
            "recorded LinkedIn SSI \(result.snapshot.values.total) (\(result.snapshot.id)) at \(result.snapshot.occurred)"
        )
        Self.printComparison(result.snapshot, local: result.local)
    }

    /// LinkedIn's pillars beside ours and the difference (ours minus theirs).
    static func printComparison(_ snapshot: SnapshotLine, local: Score) {
        let difference = snapshot.difference(from: local)
        print("  \(TextFormat.padded("", 14)) LinkedIn    ours    difference")
        print(
            "  \(TextFormat.padded("total", 14)) \(TextFormat.leftPadded(String(snapshot.values.total), 8))  "
                + "\(TextFormat.leftPadded(TextFormat.decimal(local.totalHundredths), 6))  "
                + TextFormat.leftPadded(TextFormat.signed(difference.total), 8))
        for pillar in Pillar.allCases {
            print(
                "  \(TextFormat.padded(pillar.rawValue, 14)) "
                    + "\(TextFormat.leftPadded(SnapshotValues.format(snapshot.values.thousandths(pillar)), 8))  "
                    + "\(TextFormat.leftPadded(TextFormat.decimal(local.hundredths(pillar)), 6))  "
                    + TextFormat.leftPadded(TextFormat.signed(difference.pillars[pillar] ?? 0), 8))
        }
        let ranks = [
            snapshot.values.industryRank.map { "industry top \($0)%" },
            snapshot.values.networkRank.map { "network top \($0)%" },
        ].compactMap { $0 }
        if !ranks.isEmpty { print("  ranks: " + ranks.joined(separator: ", ")) }
    }

    func fromArguments() throws -> SnapshotValues {
        guard let total = Int(values[0]) else {
            throw ValidationError("the total is a whole number (\"53 out of 100\")")
        }
        var pillars: [Pillar: Int] = [:]
        for (pillar, text) in zip(Pillar.allCases, values.dropFirst()) {
            guard let value = SnapshotValues.thousandths(text) else {
                throw ValidationError("\(pillar.rawValue): '\(text)' is not a number with up to three decimals")
            }
            pillars[pillar] = value
        }
        do throws(SnapshotValues.Invalid) {
            return try SnapshotValues(total: total, pillarThousandths: pillars)
        } catch {
            ClientExit.printError("ssi-log: \(error.description)")
            throw ExitCode(ClientExit.rejectedInput)
        }
    }

    func fromPaste() throws -> SnapshotValues {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        do throws(SSIPageText.Unrecognized) {
            return try SSIPageText.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            ClientExit.printError("ssi-log: \(error.description)")
            throw ExitCode(ClientExit.rejectedInput)
        }
    }
}
