/// Parses what `--at` and `pause --until` accept, as people type it: ISO 8601 (local time when no
/// offset is given), offsets (`-90m`, `+2w`, `2h ago`, `in 3 days`), `now`, `today`, `yesterday`,
/// `tomorrow`, a weekday, and any of those days with a time (`yesterday 17:00`, `monday 9:15`), or a
/// time alone (`09:30`: today). Dates are checked by `CivilTime.wallSeconds`, the one date rule.
public enum TimeExpression {
    /// Which way an ambiguous day points: a weekday is the last one for `--at`, the next one for
    /// `--until`.
    public enum Direction: Sendable {
        case past
        case future
    }

    /// Why a time was refused.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let input: String
        public let reason: String
        public var description: String { "cannot read time '\(input)': \(reason)" }
    }

    static let examples =
        "use 2026-11-29T09:30, 09:30, today 09:30, yesterday, yesterday 17:00, monday, -90m, 2h ago or +2w"
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public static func parse(
        _ text: String, now: Int64, calendar: LocalCalendar, direction: Direction = .past
    ) throws(Failure) -> Int64 {
        let words = text.lowercased().split(separator: " ").map(String.init)
        let failure = Failure(input: text, reason: examples)
        guard let first = words.first else { throw Failure(input: text, reason: "empty time; " + examples) }
        if words == ["now"] { return now }
        if let offset = try relative(words, original: text) { return now + offset }
        if first.count >= 10, first.utf8.first.map({ (48...57).contains($0) }) == true, first.contains("-") {
            return try absolute(words.joined(separator: "T").uppercased(), original: text, calendar: calendar)
        }
        let today = calendar.day(of: now)
        var day: Int64?
        var rest = words[...]
        switch first {
        case "today": day = today
        case "yesterday": day = today - 1
        case "tomorrow": day = today + 1
        default:
            if let weekday = weekdays.firstIndex(where: { $0 == first || $0.prefix(3) == first }) {
                // 1970-01-01 was a Thursday: weekday index 3 with Monday as 0.
                let current = Int((today + 3) % 7 + 7) % 7
                let back = (current - weekday + 7) % 7
                let forward = (weekday - current + 7) % 7
                day =
                    direction == .past ? today - Int64(back == 0 ? 7 : back) : today + Int64(forward == 0 ? 7 : forward)
            }
        }
        if day != nil { rest = rest.dropFirst() }
        guard rest.count <= 1 else { throw failure }
        let resolved = day ?? today
        guard let clock = rest.first else {
            // A day without a time: its noon for something that happened, its start for a deadline.
            guard day != nil else { throw failure }
            let (year, month, date) = CivilTime.date(days: resolved)
            let hour = direction == .past ? 12 : 0
            guard let wall = CivilTime.wallSeconds(year: year, month: month, day: date, hour: hour) else {
                throw failure
            }
            return calendar.instant(ofLocal: wall)
        }
        guard let (hour, minute) = timeOfDay(clock) else { throw failure }
        let (year, month, date) = CivilTime.date(days: resolved)
        guard let wall = CivilTime.wallSeconds(year: year, month: month, day: date, hour: hour, minute: minute) else {
            throw failure
        }
        return calendar.instant(ofLocal: wall)
    }

    /// `-90m`, `+2w`, `2h ago`, `3 days ago`, `in 2 weeks`: the offset in seconds, or nil when the
    /// words are not an offset.
    static func relative(_ words: [String], original: String) throws(Failure) -> Int64? {
        var sign: Int64
        var amountText: String
        switch words.count {
        case 1 where words[0].hasPrefix("-") || words[0].hasPrefix("+"):
            sign = words[0].hasPrefix("+") ? 1 : -1
            amountText = String(words[0].dropFirst())
        case 2 where words[1] == "ago":
            sign = -1
            amountText = words[0]
        case 3 where words[2] == "ago":
            sign = -1
            amountText = words[0] + words[1]
        case 2 where words[0] == "in":
            sign = 1
            amountText = words[1]
        case 3 where words[0] == "in":
            sign = 1
            amountText = words[1] + words[2]
        default: return nil
        }
        let digits = amountText.prefix(while: { $0.isASCII && $0.isNumber })
        let unit = amountText.dropFirst(digits.count)
        guard let amount = Int64(digits), amount < 100_000 else {
            throw Failure(input: original, reason: "expected an offset like -90m, 2h ago, -2d or +2w")
        }
        let seconds: Int64
        switch unit {
        case "s", "sec", "secs", "second", "seconds": seconds = 1
        case "m", "min", "mins", "minute", "minutes": seconds = 60
        case "h", "hour", "hours": seconds = 3600
        case "d", "day", "days": seconds = 86_400
        case "w", "week", "weeks": seconds = 7 * 86_400
        default: throw Failure(input: original, reason: "unknown unit '\(unit)' (use s, m, h, d or w)")
        }
        return sign * amount * seconds
    }

    /// `9:15`, `09:30`, `17:00`, `5pm`, `9:30am`.
    static func timeOfDay(_ text: String) -> (Int, Int)? {
        var body = Substring(text)
        var meridiem: String?
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 }),
            var hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0,
            parts.count == 2 || meridiem != nil
        else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "pm" ? 12 : 0)
        }
        return (hour, minute)
    }

    /// ISO 8601: `2026-11-29`, `2026-11-29T09:30[:00[.123]]`, with `Z` or an offset like `+01:00`.
    static func absolute(_ text: String, original: String, calendar: LocalCalendar) throws(Failure) -> Int64 {
        let bytes = Array(text.utf8)
        let bad = Failure(
            input: original, reason: "expected ISO 8601 like 2026-11-29T09:30 or 2026-11-29T09:30:00+01:00")
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CivilTime.number(bytes, 0, 4), let month = CivilTime.number(bytes, 5, 2),
            let day = CivilTime.number(bytes, 8, 2)
        else { throw bad }
        var (hour, minute, second) = (0, 0, 0)
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T"), index + 6 <= bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let h = CivilTime.number(bytes, index + 1, 2), let m = CivilTime.number(bytes, index + 4, 2)
            else { throw bad }
            (hour, minute) = (h, m)
            index += 6
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard let s = CivilTime.number(bytes, index + 1, 2) else { throw bad }
                second = s
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                        index += 1
                    }
                }
            }
        }
        guard
            let wall = CivilTime.wallSeconds(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { throw Failure(input: original, reason: "no such date or time") }
        if index == bytes.count { return calendar.instant(ofLocal: wall) }
        if bytes[index] == UInt8(ascii: "Z"), index + 1 == bytes.count { return wall }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else { throw bad }
        let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        let zone = Array(bytes[(index + 1)...].filter { $0 != UInt8(ascii: ":") })
        guard zone.count == 4 || zone.count == 2, let hours = CivilTime.number(zone, 0, 2), hours <= 14,
            let minutes = zone.count == 4 ? CivilTime.number(zone, 2, 2) : 0, minutes < 60
        else { throw bad }
        return wall - sign * Int64(hours * 3600 + minutes * 60)
    }
}
