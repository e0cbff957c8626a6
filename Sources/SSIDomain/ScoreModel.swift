#if canImport(Glibc)
    import Glibc
#endif

/// Everything the score depends on besides the events: the catalog and its weights.
///
/// Each pillar is `25 × (1 − e^(−x / scale))` of its raw points `x`, where `x` adds decayed
/// activity, tallies, rates and active days. The model is plain data: the score is a pure
/// function of it, the events, and the instant asked about.
public struct ScoreModel: Sendable {
    public var halfLifeDays: Double
    public var windowDays: Int
    public var pillarScales: [Pillar: Double]
    public internal(set) var actions: [String: ActionDefinition]
    public private(set) var tallies: [String: TallyDefinition]
    public private(set) var rates: [String: RateDefinition]
    public var activeDays: ActiveDaysDefinition
    public var goals: DailyGoals
    public var zone: ZoneRules

    /// Names in a fixed order, so that floating-point sums come out the same in every process.
    public private(set) var actionNames: [String]
    private(set) var tallyNames: [String]
    private(set) var rateNames: [String]

    public init(
        halfLifeDays: Double, windowDays: Int, pillarScales: [Pillar: Double], actions: [ActionDefinition],
        tallies: [TallyDefinition], rates: [RateDefinition], activeDays: ActiveDaysDefinition,
        goals: DailyGoals = DailyGoals(), zone: ZoneRules
    ) {
        self.halfLifeDays = halfLifeDays
        self.windowDays = windowDays
        self.pillarScales = pillarScales
        self.actions = Dictionary(actions.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.tallies = Dictionary(tallies.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.rates = Dictionary(rates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.activeDays = activeDays
        self.goals = goals
        self.zone = zone
        self.actionNames = self.actions.keys.sorted()
        self.tallyNames = self.tallies.keys.sorted()
        self.rateNames = self.rates.keys.sorted()
    }

    var halfLifeSeconds: Double { halfLifeDays * 86_400 }
    var windowSeconds: Int64 { Int64(windowDays) * 86_400 }

    /// The share of its weight an activity keeps after `age` seconds.
    func decay(age: Int64) -> Double {
        guard age < windowSeconds else { return 0 }
        return exp2(-Double(max(0, age)) / halfLifeSeconds)
    }

    /// A pillar's score for raw points `x`: smooth, increasing, never above 25.
    public func pillarScore(_ pillar: Pillar, raw: Double) -> Double {
        let scale = pillarScales[pillar] ?? 25
        return Pillar.maximum * (1 - exp(-max(0, raw) / scale))
    }

    /// Whether logging this action can only raise the score at the instant it is logged: it
    /// enters no rate's denominator without also entering its numerator, or only after a delay.
    public func isPositive(_ action: String) -> Bool {
        rates.values.allSatisfy { rate in
            !rate.denominator.contains(action) || rate.numerator.contains(action) || rate.delaySeconds > 0
        }
    }
}
