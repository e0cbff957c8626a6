/// Parses what `--at` accepts: ISO 8601 (local time when no offset is given) and offsets into the
/// past such as `-90m`, `-3h`, `-2d`.
public enum TimeExpression {
    /// Why a time was refused.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let input: String
        public let reason: String
        public var description: String { "cannot read time '\(input)': \(reason)" }
    }

    public static func parse(_ text: String, now: Int64, calendar: LocalCalendar) throws(Failure) -> Int64 {
        let trimmed = text.trimmingSpaces()
        if trimmed == "now" { return now }
        if trimmed.hasPrefix("-") || trimmed.hasPrefix("+") {
            return try parseRelative(trimmed, original: text, now: now)
        }
        return try parseAbsolute(trimmed, original: text, calendar: calendar)
    }

    private static func parseRelative(_ text: String, original: String, now: Int64) throws(Failure) -> Int64 {
        let body = text.dropFirst()
        guard let unit = body.last, let amount = Int64(body.dropLast()), amount >= 0, amount < 100_000 else {
            throw Failure(input: original, reason: "expected an offset like -90m, -3h, -2d or +2w")
        }
        let seconds: Int64
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86_400
        case "w": seconds = 7 * 86_400
        default: throw Failure(input: original, reason: "unknown unit '\(unit)' (use s, m, h, d or w)")
        }
        return text.hasPrefix("+") ? now + amount * seconds : now - amount * seconds
    }

    private static func parseAbsolute(
        _ text: String, original: String, calendar: LocalCalendar
    ) throws(Failure) -> Int64 {
        let bytes = Array(text.utf8)
        let bad = Failure(
            input: original, reason: "expected ISO 8601 like 2026-11-29T09:30 or 2026-11-29T09:30:00+01:00")
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CivilTime.number(bytes, 0, 4), let month = CivilTime.number(bytes, 5, 2),
            let day = CivilTime.number(bytes, 8, 2), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day)
        else { throw bad }
        var wall = CivilTime.days(year: year, month: month, day: day) * 86_400
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " "), index + 6 <= bytes.count,
                bytes[index + 3] == UInt8(ascii: ":"),
                let hour = CivilTime.number(bytes, index + 1, 2), let minute = CivilTime.number(bytes, index + 4, 2),
                hour < 24, minute < 60
            else { throw bad }
            wall += Int64(hour * 3600 + minute * 60)
            index += 6
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard let second = CivilTime.number(bytes, index + 1, 2), second < 60 else { throw bad }
                wall += Int64(second)
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                        index += 1
                    }
                }
            }
        }
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

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
