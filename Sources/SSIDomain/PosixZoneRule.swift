/// A POSIX `TZ` rule: a standard offset and, optionally, daylight time between two dates of every
/// year (`WET0WEST,M3.5.0/1,M10.5.0`). The `Mm.w.d` and `Jn`/`n` date forms are supported.
struct PosixZoneRule: Sendable, Equatable {
    /// When daylight time starts or ends in a year, and at what local time.
    struct Change: Sendable, Equatable {
        enum Day: Sendable, Equatable {
            /// Month, week (1-5, 5 = last), weekday (0 = Sunday).
            case monthWeekDay(Int, Int, Int)
            /// Day of the year 1-365, February 29 never counted.
            case julian(Int)
            /// Day of the year 0-365, February 29 counted.
            case zeroBased(Int)
        }

        var day: Day
        /// Seconds after local midnight (may be negative or beyond 24 h).
        var time: Int64

        /// The day number (since the epoch) of this change in `year`.
        func dayNumber(in year: Int) -> Int64 {
            switch day {
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilTime.days(year: year, month: month, day: 1)
                // 1970-01-01 was a Thursday (4 with Sunday as 0).
                let firstWeekday = Int(((first + 4) % 7 + 7) % 7)
                var date = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
                let length = CivilTime.daysIn(month: month, year: year)
                while date > length { date -= 7 }
                return first + Int64(date - 1)
            case .julian(let n):
                let leap = CivilTime.daysIn(month: 2, year: year) == 29
                return CivilTime.days(year: year, month: 1, day: 1) + Int64(n - 1) + (leap && n >= 60 ? 1 : 0)
            case .zeroBased(let n):
                return CivilTime.days(year: year, month: 1, day: 1) + Int64(n)
            }
        }
    }

    /// Seconds east of UTC (POSIX writes west, so the sign is flipped when parsing).
    var standardOffset: Int32
    var daylightOffset: Int32?
    var start: Change?
    var end: Change?

    init?(_ text: String) {
        var scanner = Substring(text)
        guard Self.name(&scanner), let standard = Self.offset(&scanner) else { return nil }
        standardOffset = -standard
        guard !scanner.isEmpty else { return }
        guard Self.name(&scanner) else { return nil }
        var daylight = standard - 3600
        if let first = scanner.first, first != "," {
            guard let value = Self.offset(&scanner) else { return nil }; daylight = value
        }
        daylightOffset = -daylight
        guard scanner.first == ",", case let rest = scanner.dropFirst() else { return nil }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.change(parts[0]), let end = Self.change(parts[1]) else { return nil }
        self.start = start
        self.end = end
    }

    func offset(at instant: Int64) -> Int32 {
        guard let daylightOffset, let start, let end else { return standardOffset }
        let year = CivilTime.date(days: CivilTime.floorDiv(instant + Int64(standardOffset), 86_400)).year
        // Start is given in standard local time, end in daylight local time.
        let starts = start.dayNumber(in: year) * 86_400 + start.time - Int64(standardOffset)
        let ends = end.dayNumber(in: year) * 86_400 + end.time - Int64(daylightOffset)
        let inDaylight = starts < ends ? (instant >= starts && instant < ends) : !(instant >= ends && instant < starts)
        return inDaylight ? daylightOffset : standardOffset
    }

    /// A zone abbreviation: letters, or anything in `<…>`.
    static func name(_ scanner: inout Substring) -> Bool {
        if scanner.first == "<" {
            guard let close = scanner.firstIndex(of: ">") else { return false }
            scanner = scanner[scanner.index(after: close)...]
            return true
        }
        let letters = scanner.prefix(while: { $0.isLetter })
        guard letters.count >= 3 else { return false }
        scanner = scanner.dropFirst(letters.count)
        return true
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    static func offset(_ scanner: inout Substring) -> Int32? {
        var sign: Int32 = 1
        if scanner.first == "+" || scanner.first == "-" {
            sign = scanner.first == "-" ? -1 : 1
            scanner = scanner.dropFirst()
        }
        guard let seconds = clock(&scanner), seconds <= 25 * 3600 else { return nil }
        return sign * Int32(seconds)
    }

    /// `hh[:mm[:ss]]` in seconds.
    static func clock(_ scanner: inout Substring) -> Int? {
        var total = 0
        for (position, scale) in [3600, 60, 1].enumerated() {
            if position > 0 {
                guard scanner.first == ":" else { break }
                scanner = scanner.dropFirst()
            }
            let digits = scanner.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
            total += value * scale
            scanner = scanner.dropFirst(digits.count)
        }
        return total
    }

    /// `Mm.w.d[/time]`, `Jn[/time]` or `n[/time]`.
    static func change(_ text: Substring) -> Change? {
        let pieces = text.split(separator: "/", maxSplits: 1)
        guard let spec = pieces.first else { return nil }
        var time: Int64 = 7200
        if pieces.count == 2 {
            var clockText = pieces[1]
            var sign = 1
            if clockText.first == "-" || clockText.first == "+" {
                sign = clockText.first == "-" ? -1 : 1
                clockText = clockText.dropFirst()
            }
            guard let value = clock(&clockText), clockText.isEmpty else { return nil }
            time = Int64(sign * value)
        }
        if spec.first == "M" {
            let numbers = spec.dropFirst().split(separator: ".").compactMap { Int($0) }
            guard numbers.count == 3, (1...12).contains(numbers[0]), (1...5).contains(numbers[1]),
                (0...6).contains(numbers[2])
            else { return nil }
            return Change(day: .monthWeekDay(numbers[0], numbers[1], numbers[2]), time: time)
        }
        if spec.first == "J" {
            guard let n = Int(spec.dropFirst()), (1...365).contains(n) else { return nil }
            return Change(day: .julian(n), time: time)
        }
        guard let n = Int(spec), (0...365).contains(n) else { return nil }
        return Change(day: .zeroBased(n), time: time)
    }
}
