import SSIDomain
import SSIJournal

/// One seeded life of a journal on a simulated disk: daemon runs that append batches under
/// injected faults, each ended by a restart (the page cache survives) or a power cut (only what
/// the disk kept survives), then a last power cut and a clean run that must append again.
public struct FaultScenario: Sendable {
    public let seed: UInt64
    /// False for the negative control: a journal that reads through the page cache at start.
    public var readsBypassCache: Bool
    /// What lost writes leave on the disk; nil picks zeros or stale bytes (0xFF) by the seed.
    public var holeByte: UInt8?

    public init(seed: UInt64, readsBypassCache: Bool = true, holeByte: UInt8? = nil) {
        self.seed = seed
        self.readsBypassCache = readsBypassCache
        self.holeByte = holeByte
    }

    /// Each call fails with probability `faultRate`, in a way that call can fail.
    public static func plan(faultRate: Double) -> (SimulatedDisk.Call, inout SeededGenerator) -> DiskFault? {
        { call, random in
            guard Double.random(in: 0..<1, using: &random) < faultRate else { return nil }
            switch call {
            case .write:
                return [.noSpace, .shortWrite, .ioError, .powerCut, .processKilled].randomElement(using: &random)
            case .synchronize:
                return [.ioError, .syncLosesPages, .powerCut, .processKilled].randomElement(using: &random)
            case .truncate: return [.ioError, .powerCut, .processKilled].randomElement(using: &random)
            }
        }
    }

    /// Plays the scenario out; the tally lists every broken rule in `problems`.
    public func run() -> ScenarioTally {
        var random = SeededGenerator(seed: seed)
        var tally = ScenarioTally(scenarios: 1)
        let faultRate = [0.0, 0.02, 0.08, 0.25].randomElement(using: &random)!
        let plan = Self.plan(faultRate: faultRate)
        let hole = holeByte ?? (Bool.random(using: &random) ? 0 : 0xFF)
        var disk = SimulatedDisk(seed: random.next(), readsBypassCache: readsBypassCache, holeByte: hole, plan: plan)
        var ledger = AppendLedger()
        var counter = 0

        func powerCut(_ disk: SimulatedDisk, tally: inout ScenarioTally, random: inout SeededGenerator) -> SimulatedDisk
        {
            tally.faults.merge(disk.injected, uniquingKeysWith: +)
            let model = CrashModel.allCases.randomElement(using: &random)!
            tally.powerCuts[model, default: 0] += 1
            return disk.afterPowerCut(model, seed: random.next())
        }

        // The daemon's checkpoint, as far as the journal is concerned: an anchored position and the
        // entries before it. Taken at random points of the runs, and sometimes damaged or torn.
        var checkpoint: (anchor: JournalAnchor, entries: [JournalEntry])?

        for _ in 0..<Int.random(in: 1...6, using: &random) {
            tally.runs += 1
            do {
                let offered = checkpoint.map { Self.damage($0.anchor, random: &random) } ?? nil
                let (file, scanned) = try JournalFile.open(storage: disk, path: "simulated", resumingAt: offered)
                let scan = resumedProblems(scanned, offered: offered, checkpoint: checkpoint, disk: disk, tally: &tally)
                tally.problems += ledger.problems(in: scan).map { "seed \(seed), run \(tally.runs): \($0)" }
                var lastSeq = scan.nextSeq - 1
                var position = scan.end
                var entriesSoFar = scan.entries
                appending: for _ in 0..<Int.random(in: 1...12, using: &random) {
                    if disk.isPoweredOff || disk.isProcessKilled { break appending }
                    let entries = (1...Int.random(in: 1...4, using: &random)).map { offset -> JournalEntry in
                        counter += 1
                        return Self.entry(id: "\(seed)-\(counter)", seq: lastSeq + UInt64(offset), random: &random)
                    }
                    tally.appends += 1
                    // Like the store, the writer goes on after a failed sync: the file must refuse.
                    if file.failure != nil {
                        if (try? file.append(entries.map(JournalRecord.encode))) != nil {
                            tally.problems.append("seed \(seed): an append after a failed sync was accepted")
                        }
                        ledger.refuse(entries)
                        continue appending
                    }
                    do throws(JournalError) {
                        try file.append(entries.map(JournalRecord.encode))
                        ledger.acknowledge(entries)
                        lastSeq += UInt64(entries.count)
                        position = JournalPosition(
                            offset: file.length, lastSeq: lastSeq, lineCount: position.lineCount + entries.count,
                            damagedSinceGood: 0)
                        entriesSoFar += entries
                        if Bool.random(using: &random), let anchor = try? file.anchor(at: position) {
                            checkpoint = (anchor, entriesSoFar)
                        }
                    } catch .noSpace, .io {
                        ledger.refuse(entries)
                    } catch {
                        ledger.markUncertain(entries)
                    }
                }
            } catch {
                tally.openFailures += 1
            }
            if disk.isPoweredOff || Bool.random(using: &random) {
                disk = powerCut(disk, tally: &tally, random: &random)
                disk.replacePlan(plan)
            } else {
                disk.restartProcess()
            }
        }
        disk = powerCut(disk, tally: &tally, random: &random)
        tally.runs += 1
        do {
            let (file, scan) = try JournalFile.open(storage: disk, path: "simulated")
            tally.problems += ledger.problems(in: scan).map { "seed \(seed), last run: \($0)" }
            counter += 1
            let entry = Self.entry(id: "\(seed)-\(counter)", seq: scan.nextSeq, random: &random)
            try file.append([JournalRecord.encode(entry)])
            ledger.acknowledge([entry])
            let (_, reread) = try JournalFile.open(storage: disk, path: "simulated")
            tally.problems += ledger.problems(in: reread).map { "seed \(seed), after the clean append: \($0)" }
            if reread.tornTail != nil { tally.problems.append("seed \(seed): torn tail after a clean append") }
        } catch {
            tally.problems.append("seed \(seed): the clean run failed: \(error)")
        }
        tally.acknowledged = ledger.acknowledged.count
        tally.refused = ledger.refusedCount
        tally.uncertain = ledger.uncertainCount
        return tally
    }

    /// A checkpoint as a crash or a bad sector may leave it: intact (half the time), torn or damaged
    /// so that it cannot be read (nil), or read back with a wrong checksum or position.
    static func damage(_ anchor: JournalAnchor, random: inout SeededGenerator) -> JournalAnchor? {
        var damaged = anchor
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return nil
        case 1: damaged.checksum ^= 1 << UInt32.random(in: 0..<32, using: &random)
        case 2: damaged.position.offset += Int.random(in: -3...3, using: &random)
        case 3: damaged.position.offset = Int.random(in: 0...(anchor.position.offset + 10), using: &random)
        default: break
        }
        return damaged
    }

    /// A start from a checkpoint must see what a start from the whole file sees: the checkpoint's
    /// entries and the resumed scan's together equal a scan of everything; a checkpoint that does
    /// not match is not resumed from. Returns the scan as a whole-file scan would report it.
    func resumedProblems(
        _ scan: JournalScan, offered: JournalAnchor?, checkpoint: (anchor: JournalAnchor, entries: [JournalEntry])?,
        disk: SimulatedDisk, tally: inout ScenarioTally
    ) -> JournalScan {
        guard let offered, let checkpoint, scan.start != .start else { return scan }
        guard scan.start == offered.position, offered == checkpoint.anchor else {
            tally.problems.append("seed \(seed): resumed from a checkpoint that does not match the journal")
            return scan
        }
        tally.resumedStarts += 1
        // What the open left visible, read without a sync (which would consult the fault plan).
        let whole = JournalScan.scan((try? disk.readSynced(0..<Int.max)) ?? [])
        let combined = checkpoint.entries + scan.entries
        if combined.map(\.id) != whole.entries.map(\.id) || combined.map(\.seq) != whole.entries.map(\.seq)
            || scan.nextSeq != whole.nextSeq || scan.validLength != whole.validLength
        {
            tally.problems.append(
                "seed \(seed): resumed start saw \(combined.count) entries, a whole scan \(whole.entries.count)")
        }
        var merged = whole
        merged.tornTail = scan.tornTail
        return merged
    }

    /// Notes of random length so that records straddle sectors and writes tear in different places.
    public static func entry(id: String, seq: UInt64, random: inout SeededGenerator) -> JournalEntry {
        let note = String(repeating: "n", count: Int.random(in: 0...900, using: &random))
        return .action(
            ActionEvent(
                id: id, seq: seq, action: "comment", occurred: 1_764_400_000 + Int64(seq),
                recorded: 1_764_400_000 + Int64(seq), note: note.isEmpty ? nil : note))
    }
}
