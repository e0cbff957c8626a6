extension ScoreState {
    public func today(at now: Int64) -> TodayReport {
        let today = calendar.day(of: now)
        var perPillar: [Pillar: Int] = [:]
        for name in model.actionNames {
            let units = inputs.unitsLogged(name, day: today)
            if units > 0 { perPillar[model.actions[name]!.pillar, default: 0] += units }
        }
        let goals = model.goals.actions.keys.sorted().compactMap { name -> TodayReport.Goal? in
            guard let definition = model.actions[name] else { return nil }
            return TodayReport.Goal(
                action: name, pillar: definition.pillar, done: inputs.unitsLogged(name, day: today),
                target: model.goals.actions[name] ?? 0)
        }
        let window = max(1, model.goals.streakDays)
        let active = (0..<Int64(window)).count { inputs.activeEvents[today - $0] != nil }
        var streak = 0
        var day = inputs.activeEvents[today] != nil ? today : today - 1
        while inputs.activeEvents[day] != nil {
            streak += 1
            day -= 1
        }
        return TodayReport(
            date: CivilTime.formatDate(days: today), perPillar: perPillar, goals: goals, activeDays: active,
            streakWindow: window, currentStreak: streak)
    }
}
