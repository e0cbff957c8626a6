import Foundation
import SSIDomain
import Testing

@Suite struct TimeExpressionTests {
    let lisbon = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Lisbon")!)
    let now = CivilTime.parseUTC("2026-07-01T12:00:00Z")!

    @Test(arguments: [
        ("-90m", -5400), ("-3h", -10_800), ("-2d", -172_800), ("-1w", -604_800), ("now", 0), ("-0s", 0),
    ])
    func relativeOffsets(text: String, seconds: Int64) throws {
        #expect(try TimeExpression.parse(text, now: now, calendar: lisbon) == now + seconds)
    }

    @Test func localTimeUsesTheZoneOffsetOfThatDate() throws {
        // July: Lisbon is UTC+1; January: UTC+0.
        #expect(
            try TimeExpression.parse("2026-07-01T09:30", now: now, calendar: lisbon)
                == CivilTime.parseUTC("2026-07-01T08:30:00Z")!)
        #expect(
            try TimeExpression.parse("2026-01-10T09:30:15", now: now, calendar: lisbon)
                == CivilTime.parseUTC("2026-01-10T09:30:15Z")!)
    }

    @Test func explicitOffsetsAndZulu() throws {
        #expect(
            try TimeExpression.parse("2026-07-01T09:30:00+02:00", now: now, calendar: lisbon)
                == CivilTime.parseUTC("2026-07-01T07:30:00Z")!)
        #expect(
            try TimeExpression.parse("2026-07-01T09:30:00Z", now: now, calendar: lisbon)
                == CivilTime.parseUTC("2026-07-01T09:30:00Z")!)
        #expect(
            try TimeExpression.parse("2026-07-01 09:30-0530", now: now, calendar: lisbon)
                == CivilTime.parseUTC("2026-07-01T15:00:00Z")!)
    }

    @Test(arguments: ["tomorrow", "2026-13-01", "2026-02-30", "-5x", "-h", "2026-07-01T25:00", "2026-07-01T09:30+99"])
    func rejectsWhatItCannotRead(text: String) {
        #expect(throws: TimeExpression.Failure.self) { try TimeExpression.parse(text, now: now, calendar: lisbon) }
    }

    @Test func civilTimeRoundTrips() {
        for seconds in stride(from: Int64(-86_400 * 400), to: 86_400 * 365 * 80, by: 86_399 * 7 + 13) {
            #expect(CivilTime.parseUTC(CivilTime.formatUTC(seconds)) == seconds || seconds < 0)
        }
        #expect(CivilTime.formatUTC(0) == "1970-01-01T00:00:00Z")
        #expect(CivilTime.formatDate(days: CivilTime.days(year: 2024, month: 2, day: 29)) == "2024-02-29")
    }

    @Test func localDaysFollowDaylightSavingChanges() {
        // 2026-03-29: Lisbon springs forward at 01:00 UTC; the day is 23 hours long.
        let day = lisbon.day(of: CivilTime.parseUTC("2026-03-29T12:00:00Z")!)
        #expect(lisbon.end(ofDay: day) - lisbon.start(ofDay: day) + 1 == 23 * 3600)
        let autumn = lisbon.day(of: CivilTime.parseUTC("2026-10-25T12:00:00Z")!)
        #expect(lisbon.end(ofDay: autumn) - lisbon.start(ofDay: autumn) + 1 == 25 * 3600)
    }
}
