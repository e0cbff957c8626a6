import SSIDomain
import SSISystem

/// The date formats of LinkedIn exports, turned into what `--at` takes: ISO 8601, with `Z` when
/// the export says UTC and as local time when it says nothing.
enum ExportDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func iso(_ text: String) -> String? {
        let value = text.trimmingWhitespace
        if let match = dayMonthYear(value) { return match }
        if let match = americanShort(value) { return match }
        return numeric(value)
    }

    /// `12 Mar 2021` (Connections): a day, so local noon.
    static func dayMonthYear(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), year > 1900,
            let month = months.firstIndex(of: parts[1].prefix(3).lowercased())
        else { return nil }
        return format(year, month + 1, day, 12, 0, 0, zone: "")
    }

    /// `3/12/21, 4:05 PM` (Invitations), local time.
    static func americanShort(_ text: String) -> String? {
        let halves = text.split(separator: ",", maxSplits: 1).map { String($0).trimmingWhitespace }
        guard halves.count == 2 else { return nil }
        let date = halves[0].split(separator: "/").compactMap { Int($0) }
        let time = halves[1].split(separator: " ")
        guard date.count == 3, time.count == 2 else { return nil }
        let clock = time[0].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2, (1...12).contains(clock[0]) else { return nil }
        let pm = time[1].uppercased() == "PM"
        guard pm || time[1].uppercased() == "AM" else { return nil }
        let hour = clock[0] % 12 + (pm ? 12 : 0)
        let year = date[2] < 100 ? 2000 + date[2] : date[2]
        return format(year, date[0], date[1], hour, clock[1], 0, zone: "")
    }

    /// `2021-04-02 09:15:00 UTC`, `2023/06/20 13:05:02 UTC`, `2026-01-05 10:00:00`.
    static func numeric(_ text: String) -> String? {
        var value = text
        var zone = ""
        if value.hasSuffix(" UTC") {
            value.removeLast(4)
            zone = "Z"
        }
        let parts = value.split(separator: " ")
        guard parts.count == 2 || parts.count == 1 else { return nil }
        let date = parts[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        let time = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : [12, 0, 0]
        guard date.count == 3, date[0] > 1900, time.count == 3 || time.count == 2 else { return nil }
        return format(date[0], date[1], date[2], time[0], time[1], time.count == 3 ? time[2] : 0, zone: zone)
    }

    static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, zone: String)
        -> String?
    {
        guard
            CivilTime.wallSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) != nil
        else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))\(zone)"
    }
}
