extension ScoreModel {
    /// A 64-bit digest of everything the state's aggregates depend on: each action's points, cap,
    /// tally and pillar, each tally's weights and values, each rate's actions, and the time zone's
    /// rules (which local day an instant falls on). Scales, half-life and window are left out: they
    /// apply when a score is asked for, not when an event is counted. A state image computed under
    /// another fingerprint must be rebuilt.
    public var inputsFingerprint: UInt64 {
        var text = "actions"
        for name in actionNames {
            let action = actions[name]!
            text += "|\(name),\(action.pillar.rawValue),\(action.milliPoints),\(action.dailyCap),"
            text += "\(action.tally ?? "-"),\(action.countsAsActive)"
        }
        text += "|tallies"
        for name in tallyNames {
            let tally = tallies[name]!
            text += "|\(name),\(tally.distinctValues?.joined(separator: "+") ?? "-")"
            for tag in tally.tagWeights.keys.sorted() {
                text += ",\(tag)=\(Milli(thousandthsOf: tally.tagWeights[tag]!))"
            }
        }
        text += "|rates"
        for name in rateNames {
            let rate = rates[name]!
            text += "|\(name),\(rate.numerator.joined(separator: "+")),\(rate.denominator.joined(separator: "+"))"
        }
        text += "|zone|\(zone.name),\(zone.initialOffset),\(zone.rule.map { "\($0)" } ?? "-")"
        var digest = Self.fnv1a(Array(text.utf8))
        for (time, offset) in zip(zone.transitionTimes, zone.transitionOffsets) {
            digest = Self.fnv1a(withUnsafeBytes(of: (time, offset)) { Array($0) }, seed: digest)
        }
        return digest
    }

    static func fnv1a(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
