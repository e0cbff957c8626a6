import Foundation
import Testing

/// The HTML report in a real browser: headless Chromium (Debian's chromium-headless-shell) renders
/// it to PNG with every network request blocked; the series colours must be in the pixels.
@Suite struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let browser = "/usr/bin/chromium-headless-shell"

    @Test func theReportIsSelfContainedAndDrawsEverySeriesInABrowser() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.browser) else {
            Issue.record("\(Self.browser) is missing: `make test` installs chromium-headless-shell")
            return
        }
        let daemon = try DaemonHarness()
        try daemon.start()
        for day in [40, 33, 26, 20, 14, 9, 5, 2, 1] {
            for action in ["post", "comment", "search", "connect"] {
                #expect(try daemon.client([action, "--at", "-\(day)d"]).status == 0)
            }
        }
        #expect(try daemon.client(["snapshot", "30", "8", "6", "7", "9", "--at", "-10d"]).status == 0)
        let page = daemon.directory + "/report.html"
        let run = try daemon.client(["report", "--days", "45", "--html", page])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Nothing to fetch and nothing to run: no script, no external reference of any kind.
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "url(", "@import"] {
            #expect(!html.contains(forbidden), "the page holds \(forbidden)")
        }
        #expect(html.contains("prefers-color-scheme:dark") && html.contains("@media print"))
        #expect(html.contains("LinkedIn 30 on "), "the snapshot is marked on the chart")
        let image = daemon.directory + "/report.png"
        let render = try Tool.run(
            Self.browser,
            [
                "--no-sandbox", "--headless", "--hide-scrollbars", "--screenshot=\(image)", "--window-size=1000,1500",
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND", "file://\(page)",
            ])
        #expect(FileManager.default.fileExists(atPath: image), "no screenshot: \(render.stderr)")
        let colours = ["#2563eb", "#db2777", "#16a34a", "#ea580c", "#7c3aed"]
        let counted = try Tool.run(
            "/usr/bin/python3", [Self.root.appendingPathComponent("Tools/png-colours.py").path, image] + colours)
        #expect(counted.status == 0, "\(counted.stderr)")
        var pixels: [String: Int] = [:]
        for line in counted.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { pixels[String(parts[0])] = Int(parts[1]) }
        }
        print("report: series pixels \(pixels)")
        for colour in colours {
            #expect((pixels[colour] ?? 0) > 300, "\(colour) drawn in \(pixels[colour] ?? 0) pixels")
        }
    }
}
