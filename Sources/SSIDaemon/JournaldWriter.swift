import Logging
import SSIDomain

/// Writes the alert policy's notices to the systemd journal: the one place that turns them into
/// fields. Field names are fixed `SSI_*` names; user text (notes, URLs) only ever goes into its
/// own field's value, never into `MESSAGE` or a field name.
struct JournaldWriter: Sendable {
    /// Also prints alerts and forecasts through the daemon's logger (when its logs go to stderr).
    let echo: Logger?
    /// Who this daemon serves (`SSI_USER`): a team view of forwarded journals tells people apart by
    /// it and the machine.
    var user: String = "unknown"

    func write(_ notice: AlertPolicy.Notice, file: String = #fileID, line: Int = #line, function: String = #function) {
        let code = [
            "CODE_FILE=\(file)", "CODE_LINE=\(line)", "CODE_FUNC=\(function)", "SYSLOG_IDENTIFIER=ssi-logd",
            "SSI_USER=\(user)",
        ]
        switch notice {
        case .logged(let entry, let pillar, let score):
            JournaldSender.send(code + fields(entry, pillar: pillar, score: score))
        case .alert(let alert, let reason):
            let subject = alert.key == "total" ? "SSI" : "SSI \(alert.key)"
            let message =
                "\(subject) fell from \(Score.format(alert.previousHundredths)) to "
                + "\(Score.format(alert.currentHundredths)) (\(Score.format(alert.deltaHundredths))): \(reason)"
            JournaldSender.send(
                code + [
                    "MESSAGE=\(message)", "MESSAGE_ID=\(JournaldMessageID.scoreDrop)", "PRIORITY=4",
                    "SSI_SCORE=\(Score.format(alert.currentHundredths))",
                    "SSI_PREVIOUS_SCORE=\(Score.format(alert.previousHundredths))",
                    "SSI_DELTA=\(Score.format(alert.deltaHundredths))", "SSI_PILLAR=\(alert.key)",
                    "SSI_REASON=\(reason)",
                ])
            echo?.warning("\(message)")
        case .weekly(let week):
            JournaldSender.send(
                code + [
                    "MESSAGE=\(week.message)", "MESSAGE_ID=\(JournaldMessageID.weekly)", "PRIORITY=5",
                    "SSI_WEEK=\(week.week)", "SSI_SCORE=\(Score.format(week.endScore.totalHundredths))",
                    "SSI_WEEK_DELTA=\(Score.format(week.deltaHundredths))", "SSI_PILLAR=\(week.pillar.rawValue)",
                    "SSI_PILLAR_DELTA=\(Score.format(week.pillarDeltaHundredths))", "SSI_REASON=\(week.reason)",
                    "SSI_ACTIONS=\(week.actions)", "SSI_ACTIVE_DAYS=\(week.activeDays)",
                ] + (week.nextBest.map { ["SSI_NEXT_ACTION=\($0.action)"] } ?? []))
            echo?.notice("\(week.message)")
        case .forecast(let forecast):
            let level = Score.format(forecast.levelHundredths)
            let message =
                "\(forecast.pillar.rawValue) will fall below \(level) in \(forecast.days) days without activity "
                + "(now \(Score.format(forecast.currentHundredths)), then \(Score.format(forecast.predictedHundredths)))"
            JournaldSender.send(
                code + [
                    "MESSAGE=\(message)", "MESSAGE_ID=\(JournaldMessageID.forecast)", "PRIORITY=5",
                    "SSI_PILLAR=\(forecast.pillar.rawValue)", "SSI_SCORE=\(Score.format(forecast.currentHundredths))",
                    "SSI_PREDICTED_SCORE=\(Score.format(forecast.predictedHundredths))", "SSI_LEVEL=\(level)",
                    "SSI_DAYS=\(forecast.days)",
                ])
            echo?.notice("\(message)")
        }
    }

    func fields(_ entry: JournalEntry, pillar: Pillar?, score: Score) -> [String] {
        let total = Score.format(score.totalHundredths)
        var fields =
            [
                "MESSAGE_ID=\(JournaldMessageID.eventLogged)", "PRIORITY=6", "SSI_EVENT_ID=\(entry.id)",
                "SSI_SCORE=\(total)", "SSI_SEQ=\(entry.seq)",
            ] + Pillar.allCases.map { "SSI_\($0.rawValue.uppercased())=\(Score.format(score.hundredths($0)))" } + []
        switch entry {
        case .action(let event):
            // The action name is a catalog key ([a-z0-9-]); user text goes only into its own fields.
            fields.append("MESSAGE=logged \(event.action) · SSI \(total)")
            fields.append("SSI_ACTION=\(event.action)")
            if let pillar { fields.append("SSI_PILLAR=\(pillar.rawValue)") }
            if let note = event.note { fields.append("SSI_NOTE=\(note)") }
            if let url = event.url { fields.append("SSI_URL=\(url)") }
        case .undo(let undo):
            fields.append("MESSAGE=undid event \(undo.target) · SSI \(total)")
            fields.append("SSI_ACTION=undo")
            fields.append("SSI_TARGET_ID=\(undo.target)")
        case .snapshot(let snapshot):
            let pillars = Pillar.allCases.map {
                "\($0.rawValue) \(SnapshotValues.format(snapshot.values.thousandths($0)))"
            }
            fields.append(
                "MESSAGE=LinkedIn SSI \(snapshot.values.total) (\(pillars.joined(separator: ", "))) · ours \(total)")
            fields.append("SSI_ACTION=snapshot")
            fields.append("SSI_LINKEDIN_SCORE=\(snapshot.values.total)")
        case .pause(let pause):
            fields.append("MESSAGE=alerts paused until \(pause.until.map(CivilTime.formatUTC) ?? "now")")
            fields.append("SSI_ACTION=pause")
        }
        return fields
    }
}
