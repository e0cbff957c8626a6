extension ScoreModel {
    /// The model with pillar scales replaced and the points of each pillar's actions multiplied:
    /// what a calibration file sets, as a value (for tests and comparisons).
    public func calibrated(scales: [Pillar: Double], multipliers: [Pillar: Double]) -> ScoreModel {
        var model = self
        for (pillar, scale) in scales { model.pillarScales[pillar] = scale }
        for (name, definition) in actions {
            guard let multiplier = multipliers[definition.pillar] else { continue }
            var changed = definition
            changed.points *= multiplier
            model.actions[name] = changed
        }
        return model
    }

    /// The keys a calibration file sets for a fit, as TOML dotted paths and values: each fitted
    /// pillar's scale and the points of each of its actions.
    public func calibrationKeys(_ fit: Calibration) -> [(key: String, value: Double)] {
        var keys: [(key: String, value: Double)] = []
        for pillar in fit.pillars where pillar.refusal == nil {
            keys.append(("pillars.\(pillar.pillar.rawValue).scale", pillar.scaleAfter))
            for name in actionNames {
                guard let definition = actions[name], definition.pillar == pillar.pillar, definition.points > 0 else {
                    continue
                }
                keys.append(("actions.\(name).points", definition.points * pillar.activityMultiplier))
            }
        }
        return keys
    }
}
