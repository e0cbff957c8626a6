import Foundation
import SSIConfig
import SSIDaemon
import SSIDomain
import SSIJournal
import SSIJournalSimulation
import SSIProtocol
import Testing

/// The real store (group commit, sequence numbers, its queue going on after a failure) on the
/// simulated disk, with concurrent clients, faults and a power cut at the end of each scenario.
@Suite struct EventStoreSimulationTests {
    struct Outcome: Sendable {
        var acknowledged: [ActionEvent] = []
        /// Refused as temporary (disk full): the cut back was synced, so never on disk.
        var refusedRequests: [String] = []
        var failures = 0
        /// Every attempt and its answer, for the failure message.
        var trace: [String] = []
    }

    /// When a file was last modified, nil when there is none.
    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    @Test func concurrentLogsUnderDiskFaultsAndRestartsKeepEveryAcknowledgedEventOnce() async throws {
        let configuration = try ConfigurationLoader.load(userText: "[score]\ntimezone = \"UTC\"\n", userFile: "test")
        let checkpointsBefore = ["/checkpoint", FileManager.default.currentDirectoryPath + "/checkpoint"].map {
            ($0, Self.modified($0))
        }
        var acknowledged = 0
        var refused = 0
        var failures = 0
        var images = 0
        var faults = 0
        var restarts = 0
        for seed in UInt64(1)...80 {
            var random = SeededGenerator(seed: seed)
            let disk = SimulatedDisk(seed: random.next())
            let daemon = try SimulatedDaemon(disk: disk, configuration: configuration)
            disk.replacePlan(FaultScenario.plan(faultRate: [0.0, 0.05, 0.15, 0.3].randomElement(using: &random)!))
            let clients = await withTaskGroup(of: Outcome.self) { group in
                for client in 0..<6 {
                    group.addTask { await Self.logTen(client: client, seed: seed, daemon: daemon) }
                }
                return await group.reduce(into: [Outcome]()) { $0.append($1) }
            }
            await daemon.stop()
            faults += disk.injected.values.reduce(0, +)
            restarts += await daemon.restarts
            for model in CrashModel.allCases {
                let (_, reread) = try JournalFile.open(
                    storage: disk.afterPowerCut(model, seed: random.next()), path: "simulated")
                let events = reread.entries.compactMap { entry -> ActionEvent? in
                    if case .action(let event) = entry { event } else { nil }
                }
                let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                #expect(byID.count == events.count, "seed \(seed): an event read back twice")
                let requests = events.compactMap(\.requestID)
                #expect(Set(requests).count == requests.count, "seed \(seed) \(model): a retried request logged twice")
                for outcome in clients {
                    for event in outcome.acknowledged {
                        // A retry answered from the replayed state carries the id and sequence number,
                        // not the note: the note is checked against what the client sent.
                        let found = byID[event.id]
                        let request = try #require(
                            found?.requestID,
                            "seed \(seed) \(model): \(event.id) lost; client: \(outcome.trace.joined(separator: "; "))")
                        let parts = request.split(separator: "-")
                        #expect(found?.seq == event.seq && found?.action == "like", "seed \(seed) \(model)")
                        #expect(found?.note == "client \(parts[1]) #\(parts[2])", "seed \(seed) \(model): altered")
                    }
                    // Each client's acknowledged events are in the journal in the order it got the acks.
                    let order = outcome.acknowledged.map(\.id)
                    #expect(events.map(\.id).filter { order.contains($0) } == order, "seed \(seed) \(model)")
                    for request in outcome.refusedRequests {
                        #expect(!requests.contains(request), "seed \(seed): refused \(request) came back")
                    }
                }
                images += 1
            }
            acknowledged += clients.reduce(0) { $0 + $1.acknowledged.count }
            refused += clients.reduce(0) { $0 + $1.refusedRequests.count }
            failures += clients.reduce(0) { $0 + $1.failures }
        }
        #expect(acknowledged > 2_000)
        #expect(faults > 20)
        #expect(restarts > 10)
        // A store on a simulated disk has no state directory: it must not put a checkpoint anywhere
        // (one once landed in / because the journal's path has no directory part).
        for (place, before) in checkpointsBefore {
            #expect(Self.modified(place) == before, "a checkpoint written to \(place)")
        }
        print(
            "store simulation: 80 scenarios x 6 clients x 10 logs: \(acknowledged) acknowledged (all found once in "
                + "\(images) power-cut images), \(failures) failed attempts, \(restarts) daemon restarts, \(refused) "
                + "refused as disk full (none came back), \(faults) faults injected")
    }

    /// A client that retries with the same request id after an I/O error, as `ssi-log` users would.
    static func logTen(client: Int, seed: UInt64, daemon: SimulatedDaemon) async -> Outcome {
        var outcome = Outcome()
        for index in 0..<10 {
            let request = "\(seed)-\(client)-\(index)"
            attempts: for _ in 0..<4 {
                let (store, generation) = await daemon.current()
                do throws(ProtocolError) {
                    let (event, _, _, _, _) = try await store.log(
                        LogRequest(action: "like", note: "client \(client) #\(index)"), requestID: request)
                    outcome.acknowledged.append(event)
                    outcome.trace.append("\(request) gen \(generation) acked \(event.id) seq \(event.seq)")
                    break attempts
                } catch {
                    outcome.failures += 1
                    outcome.trace.append("\(request) gen \(generation) failed \(error.code) \(error.message)")
                    if error.code == .temporary {
                        outcome.refusedRequests.append(request)
                        break attempts
                    }
                    await daemon.restart(after: generation)
                }
            }
        }
        return outcome
    }
}
