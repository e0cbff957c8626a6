import Foundation
import SSIDomain
import SSIJournal
import SSIJournalSimulation
import Testing

/// The journal on a simulated disk: failed and short writes, failed syncs that lose pages, power
/// cuts that keep, tear, zero or drop what was not synced, kills, restarts that read the disk.
@Suite struct JournalSimulationTests {
    /// Seeds per shard: `make test` runs 4 x 200; `make torture` sets SSI_LOG_SIMULATION_SEEDS.
    static let seedsPerShard = UInt64(ProcessInfo.processInfo.environment["SSI_LOG_SIMULATION_SEEDS"] ?? "") ?? 200

    @Test(arguments: 0..<4) func everyAcknowledgedAppendSurvivesEveryFaultAndPowerCut(shard: Int) {
        let first = UInt64(shard) * Self.seedsPerShard + 1
        var tally = ScenarioTally()
        for seed in first..<(first + Self.seedsPerShard) { tally.add(FaultScenario(seed: seed).run()) }
        #expect(tally.problems.isEmpty, "\(tally.problems.count) problems, first: \(tally.problems.prefix(5))")
        #expect(tally.acknowledged > Int(Self.seedsPerShard) * 10)
        #expect(tally.faults.values.reduce(0, +) > Int(Self.seedsPerShard) / 10)
        #expect(tally.resumedStarts > Int(Self.seedsPerShard) / 4, "checkpoints must be resumed from, and checked")
        print("journal simulation, shard \(shard): \(tally.summary)")
    }

    /// The checker has teeth: a journal that trusted the page cache at start (after a failed sync
    /// the kernel shows pages the disk never got) loses acknowledged entries here when the lost
    /// pages hold stale bytes; with zeros, skipping the hole at replay saves them.
    @Test func readingThroughThePageCacheAtStartLosesAcknowledgedEntries() {
        var stale = ScenarioTally()
        var zeroed = ScenarioTally()
        for seed in UInt64(1)...100 {
            stale.add(FaultScenario(seed: seed, readsBypassCache: false, holeByte: 0xFF).run())
            zeroed.add(FaultScenario(seed: seed, readsBypassCache: false, holeByte: 0).run())
        }
        #expect(stale.problems.contains { $0.contains("acknowledged entries lost") })
        #expect(zeroed.problems.isEmpty, "\(zeroed.problems.prefix(3))")
        print(
            "journal simulation, negative control (reading through the cache at start, 100 seeds): "
                + "\(stale.problems.count) problems with stale bytes in lost pages, \(zeroed.problems.count) with zeros"
        )
    }

    static func entries(_ ids: ClosedRange<UInt64>) -> [JournalEntry] {
        ids.map {
            .action(
                ActionEvent(
                    id: "e\($0)", seq: $0, action: "comment", occurred: 1_764_400_000, recorded: 1_764_400_000,
                    note: String(repeating: "x", count: 300)))
        }
    }

    /// A batch cut short and then refused for lack of space was cut back; the cut is synced, so no
    /// power cut can bring a refused record back, whatever the disk keeps of the writes after it.
    @Test func aRefusedBatchNeverComesBackAfterAPowerCut() throws {
        var images = 0
        for crashSeed in UInt64(1)...400 {
            // Open: the write-back before reading. A: write, sync. B: half written, then ENOSPC; cut back: truncate, sync. C: power cut.
            let disk = SimulatedDisk(
                seed: crashSeed,
                plan: SimulatedDisk.script([nil, nil, nil, .shortWrite, .noSpace, nil, nil, .powerCut]))
            let (file, _) = try JournalFile.open(storage: disk, path: "simulated")
            try file.append(Self.entries(1...2).map(JournalRecord.encode))
            #expect(throws: JournalError.self) { try file.append(Self.entries(3...6).map(JournalRecord.encode)) }
            #expect(throws: JournalError.self) { try file.append(Self.entries(3...3).map(JournalRecord.encode)) }
            for model in CrashModel.allCases {
                let (_, scan) = try JournalFile.open(storage: disk.afterPowerCut(model, seed: crashSeed), path: "s")
                #expect(Array(scan.entries.prefix(2)) == Self.entries(1...2))
                #expect(scan.entries.allSatisfy { ["e1", "e2", "e3"].contains($0.id) }, "seed \(crashSeed) \(model)")
                images += 1
            }
        }
        print("journal simulation: \(images) power-cut images after a refused batch, none brought it back")
    }

    /// The store goes on with its queue after a failed sync; the file refuses without writing.
    @Test func aFileRefusesEveryAppendAfterAFailedSync() throws {
        let disk = SimulatedDisk(seed: 1, plan: SimulatedDisk.script([nil, nil, .ioError]))
        let (file, _) = try JournalFile.open(storage: disk, path: "simulated")
        #expect(throws: JournalError.self) { try file.append(Self.entries(1...1).map(JournalRecord.encode)) }
        let written = disk.contents
        #expect {
            try file.append(Self.entries(2...2).map(JournalRecord.encode))
        } throws: { error in
            if case .syncFailed = error as? JournalError { true } else { false }
        }
        #expect(disk.contents == written)
        #expect(file.length == 0)
    }
}
