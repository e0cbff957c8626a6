import ArgumentParser
import SSIProtocol
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Write a self-contained HTML report: charts of the score with LinkedIn's snapshots, actions per week, what carries the score, next best actions, goals."
    )

    @Option(help: "How many days the charts cover.")
    var days: Int = 90

    @Option(help: "Where to write the page (default: standard output).")
    var html: String?

    @OptionGroup var options: ClientOptions

    func validate() throws {
        guard (7...3660).contains(days) else { throw ValidationError("--days must be between 7 and 3660") }
    }

    func run() throws {
        var quiet = options.settings
        quiet.json = false
        let page = ReportPage(
            history: try ClientExit.perform(.history(days: days), options: quiet),
            score: try ClientExit.perform(.score(explain: false), options: quiet),
            explanation: try ClientExit.perform(.score(explain: true), options: quiet),
            today: try ClientExit.perform(.today, options: quiet), generated: Self.now())
        guard let html else {
            print(page.html, terminator: "")
            return
        }
        if let failure = AtomicFile.write(page.html, to: html) {
            ClientExit.printError("ssi-log: \(failure)")
            throw ExitCode(ClientExit.ioError)
        }
        print("wrote \(html)")
    }

    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
