/// Local days in the user's time zone: caps, goals, streaks and history follow the user's
/// midnight, including across daylight-saving changes.
public struct LocalCalendar: Sendable {
    public let zone: ZoneRules

    public init(zone: ZoneRules) {
        self.zone = zone
    }

    /// The offset from UTC in seconds at an instant.
    public func offset(at seconds: Int64) -> Int64 { zone.offset(at: seconds) }

    /// The local day number (days since 1970-01-01 in local time) of an instant.
    public func day(of seconds: Int64) -> Int64 {
        CivilTime.floorDiv(seconds + offset(at: seconds), 86_400)
    }

    /// The instant a local wall-clock time (given as seconds, as if it were UTC) happens.
    public func instant(ofLocal wall: Int64) -> Int64 {
        let first = wall - offset(at: wall)
        return wall - offset(at: first)
    }

    /// The first second of a local day.
    public func start(ofDay day: Int64) -> Int64 {
        let guess = instant(ofLocal: day * 86_400)
        // A zone that skips midnight for DST starts its day later; never return a time in the day before.
        return self.day(of: guess) < day ? guess + 3600 : guess
    }

    /// The last second of a local day: where its closing score is taken.
    public func end(ofDay day: Int64) -> Int64 { start(ofDay: day + 1) - 1 }
}
