/// When the daemon warns about a falling score.
public struct AlertSettings: Sendable, Equatable {
    /// Points below the peak since the last alert that make a drop worth a warning.
    public var threshold: Double
    public var minIntervalSeconds: Int64
    public var checkEverySeconds: Int64
    /// Local minutes after midnight, start and end; the range may wrap past midnight.
    public var quietHours: ClosedRange<Int>?
    public var quietHoursWrap: Bool
    public var logEvents: Bool
    /// The weekly word: the local weekday (0 Monday … 6 Sunday) and hour it is sent; nil for none.
    public var weeklyWeekday: Int?
    public var weeklyHour: Int

    public init(
        threshold: Double = 2, minIntervalSeconds: Int64 = 21_600, checkEverySeconds: Int64 = 900,
        quietHours: ClosedRange<Int>? = nil, quietHoursWrap: Bool = false, logEvents: Bool = true,
        weeklyWeekday: Int? = 0, weeklyHour: Int = 9
    ) {
        self.threshold = threshold
        self.minIntervalSeconds = minIntervalSeconds
        self.checkEverySeconds = checkEverySeconds
        self.quietHours = quietHours
        self.quietHoursWrap = quietHoursWrap
        self.logEvents = logEvents
        self.weeklyWeekday = weeklyWeekday
        self.weeklyHour = weeklyHour
    }

    /// Whether a local minute of the day falls in the quiet hours.
    public func isQuiet(minuteOfDay: Int) -> Bool {
        guard let range = quietHours else { return false }
        if quietHoursWrap { return minuteOfDay >= range.upperBound || minuteOfDay < range.lowerBound }
        return range.contains(minuteOfDay) && minuteOfDay != range.upperBound
    }
}
