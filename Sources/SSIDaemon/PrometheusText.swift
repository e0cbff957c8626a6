import SSIDomain

/// The Prometheus text exposition of one user's score, for node_exporter's textfile collector.
/// Every series carries `user`, so many users' files can share one collector directory. Pure.
struct PrometheusText {
    let user: String
    let version: String
    let state: ScoreState
    let now: Int64
    /// Alerts written since the daemon started, by kind (`drop`, `forecast`, `weekly`).
    let alerts: [String: Int]

    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    var text: String {
        let user = "user=\"\(Self.escape(self.user))\""
        let score = state.score(at: now)
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples { lines.append("\(name){\(user)\(labels)} \(value)") }
        }
        family(
            "ssi_score", "gauge", "The local Social Selling Index, 0 to 100.",
            [("", Score.format(score.totalHundredths))])
        family(
            "ssi_pillar_score", "gauge", "Each pillar of the local score, 0 to 25.",
            Pillar.allCases.map { (",pillar=\"\($0.rawValue)\"", Score.format(score.hundredths($0))) })
        if let snapshot = state.latestSnapshot(atOrBefore: now) {
            family(
                "ssi_linkedin_score", "gauge", "The latest total recorded from LinkedIn's SSI page.",
                [("", String(snapshot.values.total))])
            family(
                "ssi_linkedin_pillar_score", "gauge", "The latest pillars recorded from LinkedIn's SSI page.",
                Pillar.allCases.map {
                    (",pillar=\"\($0.rawValue)\"", SnapshotValues.format(snapshot.values.thousandths($0)))
                })
            family(
                "ssi_linkedin_snapshot_timestamp_seconds", "gauge", "When the latest LinkedIn snapshot was shown.",
                [("", String(snapshot.occurred))])
        }
        var logged: [String: Int] = state.undoneCounts
        for (action, count) in state.actionCounts() { logged[action, default: 0] += count }
        family(
            "ssi_actions_logged_total", "counter", "Actions logged, undone ones included, by action.",
            state.model.actionNames.map { (",action=\"\($0)\"", String(logged[$0] ?? 0)) })
        family(
            "ssi_actions_undone_total", "counter", "Actions undone, by action.",
            state.model.actionNames.map { (",action=\"\($0)\"", String(state.undoneCounts[$0] ?? 0)) })
        let newest = state.events.newestOccurred()
        if let last = newest.typed ?? newest.any {
            family(
                "ssi_last_action_timestamp_seconds", "gauge", "When the newest action happened.", [("", String(last))])
        }
        family(
            "ssi_alerts_total", "counter", "Journal entries about the score since the daemon started, by kind.",
            ["drop", "forecast", "weekly"].map { (",kind=\"\($0)\"", String(alerts[$0] ?? 0)) })
        family("ssi_build_info", "gauge", "The running ssi-logd.", [(",version=\"\(version)\"", "1")])
        family(
            "ssi_metrics_updated_timestamp_seconds", "gauge", "When this file was written.", [("", String(now))])
        return lines.joined(separator: "\n") + "\n"
    }
}
