import Foundation
import Testing

/// `status` while the writer thread appends: the journal's size comes from what the writer
/// reported, never read while it changes (a data race `make sanitize` would report).
@Suite struct StatusUnderLoadTests {
    @Test func statusDuringABurstOfLogsReportsWholeRecords() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let ledger = AckLedger()
        let clients = LoadClients.run(socket: daemon.socketPath, threads: 4, prefix: "s", ledger: ledger, limit: 50)
        let watcher = try RawConnection(path: daemon.socketPath)
        var sizes: [Int] = []
        for index in 0..<40 {
            let status = try watcher.request(#"{"v":1,"id":"st\#(index)","op":"status"}"#)
            sizes.append(try #require((status["result"] as? [String: Any])?["journal_bytes"] as? Int))
        }
        LoadClients.join(clients)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 }, "the size went backwards: \(sizes)")
        let final = try watcher.request(#"{"v":1,"id":"last","op":"status"}"#)
        let bytes = (final["result"] as? [String: Any])?["journal_bytes"] as? Int
        let onDisk = try FileManager.default.attributesOfItem(atPath: daemon.journalPath)[.size] as? Int
        #expect(bytes == onDisk)
        #expect(try ledger.verify(journal: daemon.journalPath, context: "status under load") == 200)
    }
}
