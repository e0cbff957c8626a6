import Foundation
import SSIDomain
import SSIProtocol
import SSISystem
import TOMLKit

/// Builds a `Configuration` from the built-in defaults with an optional user file laid over them.
public enum ConfigurationLoader {
    /// The text of `config/ssi-log.toml`, which the defaults are parsed from.
    public static var defaultText: String { DefaultConfiguration.text }

    /// The built-in defaults. They are tested to parse, so this cannot fail at run time.
    public static func defaults() -> Configuration {
        try! load(userText: nil, userFile: nil)
    }

    /// `calibration.toml` beside a configuration file: what `ssi-log calibrate --apply` writes, laid
    /// over the user's own values.
    public static func calibrationFile(besides file: String) -> String {
        (file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : ".") + "/calibration.toml"
    }

    /// Reads a user file if it exists (a missing optional file means defaults), then the calibration
    /// file beside it if there is one.
    public static func load(file: String, required: Bool) throws(ConfigurationError) -> Configuration {
        let calibrationPath = calibrationFile(besides: file)
        let calibration = try read(calibrationPath, required: false)
        guard let text = try read(file, required: required) else {
            return try load(
                userText: nil, userFile: nil, calibrationText: calibration, calibrationFile: calibrationPath)
        }
        return try load(userText: text, userFile: file, calibrationText: calibration, calibrationFile: calibrationPath)
    }

    static func read(_ file: String, required: Bool) throws(ConfigurationError) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else {
            if required { throw ConfigurationError(file: file, line: nil, key: "", problem: "cannot read the file") }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, line: nil, key: "", problem: "not UTF-8 text")
        }
        return text
    }

    public static func load(
        userText: String?, userFile: String?, calibrationText: String? = nil, calibrationFile: String? = nil
    ) throws(ConfigurationError) -> Configuration {
        var tree = try parse(DefaultConfiguration.text, file: "built-in defaults")
        var userLocator: KeyLocator?
        if let userText {
            tree = tree.merged(with: try parse(userText, file: userFile ?? "config"))
            userLocator = KeyLocator(text: userText)
        }
        if let calibrationText {
            tree = tree.merged(with: try parse(calibrationText, file: calibrationFile ?? "calibration"))
        }
        let context = ConfigContext(
            userFile: userFile ?? (userText == nil ? nil : "config"), user: userLocator,
            defaults: KeyLocator(text: DefaultConfiguration.text))
        guard case .table(let members) = tree else { throw context.error([], "the configuration is not a table") }
        var root = ConfigTable(path: [], members: members, context: context)
        let configuration = try decode(
            &root,
            source: (userFile ?? "built-in defaults")
                + (calibrationText == nil ? "" : " + \(calibrationFile ?? "calibration")"))
        try root.finish()
        return configuration
    }

    static func parse(_ text: String, file: String) throws(ConfigurationError) -> ConfigNode {
        do {
            return .table(ConfigNode.tableMembers(try TOMLTable(string: text)))
        } catch let error as TOMLParseError {
            throw ConfigurationError(
                file: file, line: error.source.begin.line, key: "", problem: "invalid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: file, line: nil, key: "", problem: "invalid TOML: \(error)")
        }
    }

    static func decode(_ root: inout ConfigTable, source: String) throws(ConfigurationError) -> Configuration {
        var score = try root.table("score")
        let halfLife = try score.double("half_life_days", minimum: 0.01)
        let window = try score.int("window_days", minimum: 1)
        let zoneName = try score.string("timezone")
        guard let zone = zoneName.isEmpty ? ZoneLoader.current() : ZoneLoader.named(zoneName) else {
            throw score.error("timezone", "unknown time zone '\(zoneName)'")
        }
        try score.finish()

        var pillarsTable = try root.table("pillars")
        var scales: [Pillar: Double] = [:]
        for name in pillarsTable.keys where Pillar(rawValue: name) == nil {
            throw pillarsTable.error(name, "unknown pillar '\(name)' (one of brand, find, engage, relationships)")
        }
        for pillar in Pillar.allCases {
            guard pillarsTable.members[pillar.rawValue] != nil else {
                throw pillarsTable.error(pillar.rawValue, "missing pillar [pillars.\(pillar.rawValue)]")
            }
            var table = try pillarsTable.table(pillar.rawValue)
            scales[pillar] = try table.double("scale", minimum: 0.01)
            try table.finish()
        }
        try pillarsTable.finish()

        var activeTable = try root.table("active_days")
        let activeDays = ActiveDaysDefinition(
            pillar: try activeTable.pillar("pillar"),
            pointsPerDay: try activeTable.double("points_per_day", minimum: 0),
            windowDays: try activeTable.int("window_days", minimum: 1))
        try activeTable.finish()

        let tallies = try decodeTallies(try root.table("tallies"))
        let actions = try decodeActions(try root.table("actions"), tallies: tallies)
        let rates = try decodeRates(try root.table("rates"), actions: actions)
        let goals = try decodeGoals(try root.table("goals"), actions: actions)
        let alerts = try decodeAlerts(try root.table("alerts"))
        var daemonTable = try root.table("daemon")
        let daemon = DaemonSettings(
            maxConnections: try daemonTable.int("max_connections", minimum: 1),
            idleTimeoutSeconds: try daemonTable.int("idle_timeout_seconds", minimum: 1),
            frameTimeoutSeconds: try daemonTable.int("frame_timeout_seconds", minimum: 1),
            maxPendingEvents: try daemonTable.int("max_pending_events", minimum: 1))
        try daemonTable.finish()
        var metricsTable = try root.table("metrics")
        let textfile = try metricsTable.string("textfile")
        guard textfile.isEmpty || (textfile.hasPrefix("/") && textfile.hasSuffix(".prom")) else {
            throw metricsTable.error("textfile", "expected an absolute path ending in .prom, or \"\" (off)")
        }
        let user = try metricsTable.string("user")
        guard user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }) else {
            throw metricsTable.error("user", "letters, digits and . _ - @ only")
        }
        let metrics = MetricsSettings(
            textfile: textfile.isEmpty ? nil : textfile, user: user.isEmpty ? nil : user,
            intervalSeconds: try metricsTable.int("interval_seconds", minimum: 1))
        try metricsTable.finish()

        let model = ScoreModel(
            halfLifeDays: halfLife, windowDays: window, pillarScales: scales, actions: actions, tallies: tallies,
            rates: rates, activeDays: activeDays, goals: goals, zone: zone)
        return Configuration(model: model, alerts: alerts, daemon: daemon, metrics: metrics, source: source)
    }

    static func decodeTallies(_ parent: ConfigTable) throws(ConfigurationError) -> [TallyDefinition] {
        var parent = parent
        var result: [TallyDefinition] = []
        for name in parent.keys {
            var table = try parent.table(name)
            let curveName = try table.string("curve")
            guard let curve = TallyDefinition.Curve(rawValue: curveName) else {
                throw table.error("curve", "unknown curve '\(curveName)' (linear or log2)")
            }
            var weights: [String: Double] = [:]
            if table.members["tag_weights"] != nil {
                var weightTable = try table.table("tag_weights")
                for tag in weightTable.keys { weights[tag] = try weightTable.double(tag, minimum: 0) }
                try weightTable.finish()
            } else {
                _ = table.value("tag_weights")
            }
            let sections = table.members["sections"] == nil ? nil : try table.strings("sections")
            _ = table.value("sections")
            result.append(
                TallyDefinition(
                    name: name, pillar: try table.pillar("pillar"), points: try table.double("points", minimum: 0),
                    curve: curve, distinctValues: sections, tagWeights: weights))
            try table.finish()
        }
        try parent.finish()
        return result
    }

    static func decodeActions(
        _ parent: ConfigTable, tallies: [TallyDefinition]
    ) throws(ConfigurationError) -> [ActionDefinition] {
        var parent = parent
        var result: [ActionDefinition] = []
        let tallyNames = Set(tallies.map(\.name))
        for name in parent.keys {
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
                !OperationName.reservedActionNames.contains(name)
            else {
                throw parent.error(
                    name,
                    "action names are lowercase letters, digits and '-', and not a command name ("
                        + OperationName.reservedActionNames.sorted().joined(separator: ", ") + ")")
            }
            var table = try parent.table(name)
            let tally = try table.optionalString("tally")
            if let tally, !tallyNames.contains(tally) {
                throw table.error("tally", "unknown tally '\(tally)' (define [tallies.\(tally)])")
            }
            result.append(
                ActionDefinition(
                    name: name, pillar: try table.pillar("pillar"), points: try table.double("points", minimum: 0),
                    dailyCap: try table.int("daily_cap", minimum: 0), tally: tally,
                    countsAsActive: try table.bool("active", default: true),
                    summary: try table.optionalString("summary") ?? ""))
            try table.finish()
        }
        try parent.finish()
        return result
    }

    static func decodeRates(
        _ parent: ConfigTable, actions: [ActionDefinition]
    ) throws(ConfigurationError) -> [RateDefinition] {
        var parent = parent
        var result: [RateDefinition] = []
        let actionNames = Set(actions.map(\.name))
        for name in parent.keys {
            var table = try parent.table(name)
            for key in ["numerator", "denominator"] {
                for action in try table.strings(key) where !actionNames.contains(action) {
                    throw table.error(key, "unknown action '\(action)'")
                }
            }
            result.append(
                RateDefinition(
                    name: name, pillar: try table.pillar("pillar"), points: try table.double("points", minimum: 0),
                    numerator: try table.strings("numerator"), denominator: try table.strings("denominator"),
                    delaySeconds: Int64(try table.double("delay_days", minimum: 0) * 86_400),
                    prior: try table.double("prior", minimum: 0, maximum: 1),
                    priorWeight: try table.double("prior_weight", minimum: 0.001)))
            try table.finish()
        }
        try parent.finish()
        return result
    }

    static func decodeGoals(
        _ table: ConfigTable, actions: [ActionDefinition]
    ) throws(ConfigurationError) -> DailyGoals {
        var table = table
        let streak = try table.int("streak_days", minimum: 1)
        var goalTable = try table.table("actions", required: false)
        var goals: [String: Int] = [:]
        let actionNames = Set(actions.map(\.name))
        for name in goalTable.keys {
            guard actionNames.contains(name) else { throw goalTable.error(name, "unknown action '\(name)'") }
            goals[name] = try goalTable.int(name, minimum: 0)
        }
        try goalTable.finish()
        try table.finish()
        return DailyGoals(actions: goals, streakDays: streak)
    }

    static func decodeAlerts(_ table: ConfigTable) throws(ConfigurationError) -> AlertSettings {
        var table = table
        let threshold = try table.double("threshold", minimum: 0.01)
        let interval = try table.int("min_interval_minutes", minimum: 0)
        let every = try table.int("check_every_minutes", minimum: 1)
        let quiet = try table.string("quiet_hours")
        var range: ClosedRange<Int>?
        var wraps = false
        if !quiet.isEmpty {
            let parts = quiet.split(separator: "-")
            guard parts.count == 2, let start = minuteOfDay(parts[0]), let end = minuteOfDay(parts[1]), start != end
            else { throw table.error("quiet_hours", "expected \"HH:MM-HH:MM\" or \"\" (found \"\(quiet)\")") }
            wraps = start > end
            range = min(start, end)...max(start, end)
        }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let weeklyDay = try table.string("weekly_day").lowercased()
        guard weeklyDay.isEmpty || weekdays.contains(weeklyDay) else {
            throw table.error("weekly_day", "expected a weekday (monday … sunday) or \"\" (found \"\(weeklyDay)\")")
        }
        let weeklyHour = try table.int("weekly_hour", minimum: 0)
        guard weeklyHour < 24 else { throw table.error("weekly_hour", "expected an hour, 0 to 23") }
        let settings = AlertSettings(
            threshold: threshold, minIntervalSeconds: Int64(interval) * 60, checkEverySeconds: Int64(every) * 60,
            quietHours: range, quietHoursWrap: wraps, logEvents: try table.bool("log_events", default: true),
            weeklyWeekday: weekdays.firstIndex(of: weeklyDay), weeklyHour: weeklyHour)
        try table.finish()
        return settings
    }

    static func minuteOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
