#if canImport(Glibc)
    import Glibc
#endif

/// Fits the model to LinkedIn's own numbers. Per pillar, two bounded parameters: the pillar's
/// `scale` and a multiplier of the points of its actions. With the model's pillar score
/// `25 × (1 − e^(−(m·A + T)/s))` (A the decayed activity, T tallies, rates and active days, both
/// known at every snapshot instant), `−ln(1 − y/25) = (m/s)·A + (1/s)·T` is linear in `m/s` and
/// `1/s`: a least-squares fit of two unknowns, exact for noise-free data. Pure.
public struct Calibration: Sendable, Equatable {
    /// The fit of one pillar.
    public struct PillarFit: Sendable, Equatable {
        public var pillar: Pillar
        public var scaleBefore: Double
        public var scaleAfter: Double
        /// Multiplier of the points of the pillar's actions (1 = unchanged).
        public var activityMultiplier: Double
        /// Root mean square of (model − LinkedIn) at the snapshot instants, in points.
        public var errorBefore: Double
        public var errorAfter: Double
        /// Why this pillar was left as it is, when it was.
        public var refusal: String?
    }

    public static let minimumSnapshots = 3
    public static let scaleBounds = 5.0...150.0
    public static let multiplierBounds = 0.25...4.0

    public var pillars: [PillarFit]
    /// Why nothing can be fitted at all (too few snapshots).
    public var refusal: String?

    /// `state` holds the events (and the snapshots) under the current model.
    public init(state: ScoreState) {
        let snapshots = state.snapshots.values.sorted { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }
        guard snapshots.count >= Self.minimumSnapshots else {
            pillars = []
            refusal =
                "\(snapshots.count) snapshot\(snapshots.count == 1 ? "" : "s") recorded; at least "
                + "\(Self.minimumSnapshots) on different days are needed (ssi-log snapshot)"
            return
        }
        refusal = nil
        let breakdowns = state.breakdowns(asOf: snapshots.map(\.occurred))
        pillars = Pillar.allCases.map { pillar in
            let scale = state.model.pillarScales[pillar] ?? 25
            var samples: [(activity: Double, other: Double, observed: Double)] = []
            for (snapshot, breakdown) in zip(snapshots, breakdowns) {
                guard let line = breakdown.first(where: { $0.pillar == pillar }) else { continue }
                let activity = line.components.filter { $0.kind == .activity }.reduce(0) { $0 + $1.raw }
                samples.append((activity, line.raw - activity, Double(snapshot.values.thousandths(pillar)) / 1000))
            }
            return Self.fit(pillar: pillar, scale: scale, samples: samples)
        }
    }

    static func model(_ activity: Double, _ other: Double, multiplier: Double, scale: Double) -> Double {
        Pillar.maximum * (1 - exp(-max(0, multiplier * activity + other) / scale))
    }

    static func rms(_ samples: [(activity: Double, other: Double, observed: Double)], multiplier: Double, scale: Double)
        -> Double
    {
        let sum = samples.reduce(0.0) {
            let difference = model($1.activity, $1.other, multiplier: multiplier, scale: scale) - $1.observed
            return $0 + difference * difference
        }
        return (sum / Double(max(1, samples.count))).squareRoot()
    }

    static func fit(pillar: Pillar, scale: Double, samples: [(activity: Double, other: Double, observed: Double)])
        -> PillarFit
    {
        let before = rms(samples, multiplier: 1, scale: scale)
        var result = PillarFit(
            pillar: pillar, scaleBefore: scale, scaleAfter: scale, activityMultiplier: 1, errorBefore: before,
            errorAfter: before, refusal: nil)
        // A pillar at 25 carries no information about its scale (the curve is flat there).
        let usable = samples.filter { $0.observed < Pillar.maximum - 0.01 }
        let z = usable.map { -log(1 - $0.observed / Pillar.maximum) }
        // Normal equations for z ≈ a·A + b·T.
        var (aa, at, tt, az, tz) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (sample, value) in zip(usable, z) {
            aa += sample.activity * sample.activity
            at += sample.activity * sample.other
            tt += sample.other * sample.other
            az += sample.activity * value
            tz += sample.other * value
        }
        let determinant = aa * tt - at * at
        // Activity and the rest must vary independently across snapshots to tell the scale from the
        // points apart: a nearly singular system means they moved together.
        guard usable.count >= minimumSnapshots, determinant > 1e-6 * max(1, aa * tt) else {
            result.refusal =
                usable.count < minimumSnapshots
                ? "fewer than \(minimumSnapshots) snapshots below 25"
                : "too little activity to tell the scale from the action points apart (they moved together)"
            return result
        }
        let a = (az * tt - tz * at) / determinant
        let b = (tz * aa - az * at) / determinant
        guard b > 0 else {
            result.refusal = "the snapshots do not fit this model's curve (a negative scale came out)"
            return result
        }
        let fittedScale = min(max(1 / b, scaleBounds.lowerBound), scaleBounds.upperBound)
        let multiplier = min(max(a / b, multiplierBounds.lowerBound), multiplierBounds.upperBound)
        result.scaleAfter = fittedScale
        result.activityMultiplier = multiplier
        result.errorAfter = rms(samples, multiplier: multiplier, scale: fittedScale)
        return result
    }
}
