import Foundation
import SSIDomain
import SSIJournal
import Testing

/// What the daemon acknowledged, kept outside its state directory, and the check that all of it
/// is in the journal exactly once, in order, unchanged.
final class AckLedger: @unchecked Sendable {
    struct Ack {
        var requestID: String
        var eventID: String
        var seq: Int
        var note: String
        var at = Date()
    }

    private let lock = NSLock()
    private var acked: [Ack] = []
    private var refusals = 0
    /// Acks that arrived after a simulated power cut began: their fdatasync raced the cut, so
    /// they may or may not survive; if they do, they must be intact and appear once.
    private var raced: [Ack] = []

    var acks: [Ack] { lock.withLock { acked } }
    var refused: Int { lock.withLock { refusals } }
    var racing: [Ack] { lock.withLock { raced } }

    func record(_ ack: Ack) {
        lock.withLock { acked.append(ack) }
    }

    /// Moves the acks received after `cut` out of the must-survive set.
    func excludeAcks(receivedAfter cut: Date) {
        lock.withLock {
            raced += acked.filter { $0.at > cut }
            acked.removeAll { $0.at > cut }
        }
    }

    func recordRefusal() {
        lock.withLock { refusals += 1 }
    }

    /// Every acknowledged event is in the journal once, with its sequence number and note.
    /// Checked with plain comparisons and an issue per failure: hundreds of thousands of
    /// `#expect` calls over a 200-round loop would dominate its run time.
    func verify(journal path: String, context: String) throws -> Int {
        let scan = try JournalVerification.scanFile(path)
        if !scan.damaged.isEmpty { Issue.record("\(context): damaged records \(scan.damaged)") }
        var byID: [String: ActionEvent] = [:]
        for entry in scan.entries {
            guard case .action(let event) = entry else { continue }
            if byID[event.id] != nil { Issue.record("\(context): event \(event.id) twice") }
            byID[event.id] = event
        }
        lock.lock()
        defer { lock.unlock() }
        for ack in raced {
            guard let event = byID[ack.eventID] else { continue }
            if event.note != ack.note || event.requestID != ack.requestID {
                Issue.record("\(context): \(ack.eventID) altered")
            }
        }
        for ack in acked {
            guard let event = byID[ack.eventID] else {
                let where_ = "the journal has \(scan.entries.count) records up to seq \(scan.lastSeq)"
                Issue.record(
                    "\(context): acknowledged event \(ack.eventID) (\(ack.requestID), seq \(ack.seq)) is missing; \(where_)"
                )
                continue
            }
            if Int(event.seq) != ack.seq || event.note != ack.note || event.requestID != ack.requestID {
                Issue.record("\(context): \(ack.eventID) changed: seq \(event.seq) vs \(ack.seq), note or request id")
            }
        }
        return byID.count
    }
}

/// Clients that log as fast as they can until the daemon goes away, recording every ack.
enum LoadClients {
    /// Starts the clients; `join` waits for all of them (a group TSan sees as synchronization).
    static func run(
        socket: String, threads: Int, prefix: String, ledger: AckLedger, limit: Int = 10_000
    ) -> DispatchGroup {
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                guard let connection = try? RawConnection(path: socket) else { return }
                for index in 0..<limit {
                    let requestID = "\(prefix)-\(thread)-\(index)"
                    let note = "note \(requestID) \(String(repeating: "x", count: index % 7))"
                    guard
                        (try? connection.send(
                            #"{"v":1,"id":"\#(requestID)","op":"log","action":"like","note":"\#(note)"}"# + "\n"))
                            != nil,
                        let line = try? connection.readLine(),
                        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    else { return }
                    if let result = object["result"] as? [String: Any], let id = result["id"] as? String,
                        let seq = result["seq"] as? Int
                    {
                        ledger.record(AckLedger.Ack(requestID: requestID, eventID: id, seq: seq, note: note))
                    } else {
                        ledger.recordRefusal()
                    }
                }
            }
            worker.start()
        }
        return group
    }

    static func join(_ group: DispatchGroup) {
        group.wait()
    }
}
