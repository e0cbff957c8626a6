import ArgumentParser
import SSIJSON

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's pid, uptime, journal and last event.")

    @OptionGroup var options: ClientOptions

    func run() throws {
        let result = try ClientExit.perform(.status, options: options)
        guard !options.json else { return }
        print("ssi-logd pid \(TextFormat.number(result["pid"])), up \(TextFormat.number(result["uptime_s"])) s")
        print(
            "journal  \(result["journal_path"]?.stringValue ?? "?") (\(TextFormat.number(result["journal_bytes"])) bytes, \(TextFormat.number(result["events"])) records)"
        )
        print("socket   \(result["socket"]?.stringValue ?? "?")")
        print("config   \(result["config"]?.stringValue ?? "?")")
        print("score    \(TextFormat.number(result["score"]?["total"]))")
        if let last = result["last_event"], last != .null {
            print(
                "last     \(last["action"]?.stringValue ?? "") \(last["id"]?.stringValue ?? "") at \(last["occurred"]?.stringValue ?? "")"
            )
        }
    }
}
