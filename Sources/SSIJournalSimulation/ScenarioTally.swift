/// What fault scenarios did and found, summed over seeds.
public struct ScenarioTally: Sendable {
    public internal(set) var scenarios = 0
    public internal(set) var runs = 0
    public internal(set) var appends = 0
    public internal(set) var acknowledged = 0
    public internal(set) var refused = 0
    public internal(set) var uncertain = 0
    public internal(set) var openFailures = 0
    /// Starts that resumed from an intact checkpoint (each checked against a whole-file scan).
    public internal(set) var resumedStarts = 0
    public internal(set) var powerCuts: [CrashModel: Int] = [:]
    public internal(set) var faults: [DiskFault: Int] = [:]
    public internal(set) var problems: [String] = []

    public init() {}

    init(scenarios: Int) { self.scenarios = scenarios }

    public mutating func add(_ other: ScenarioTally) {
        scenarios += other.scenarios
        runs += other.runs
        appends += other.appends
        acknowledged += other.acknowledged
        refused += other.refused
        uncertain += other.uncertain
        openFailures += other.openFailures
        resumedStarts += other.resumedStarts
        powerCuts.merge(other.powerCuts, uniquingKeysWith: +)
        faults.merge(other.faults, uniquingKeysWith: +)
        problems += other.problems
    }

    public var summary: String {
        let faultText = DiskFault.allCases.map { "\($0) \(faults[$0, default: 0])" }.joined(separator: ", ")
        let cutText = CrashModel.allCases.map { "\($0) \(powerCuts[$0, default: 0])" }.joined(separator: ", ")
        return
            "\(scenarios) scenarios, \(runs) daemon runs, \(appends) appends: \(acknowledged) entries acknowledged "
            + "(all found), \(refused) refused (none came back), \(uncertain) uncertain; faults: \(faultText); "
            + "power cuts: \(cutText); opens refused by a fault: \(openFailures); starts resumed from a "
            + "checkpoint (each checked against a whole scan): \(resumedStarts)"
    }
}
