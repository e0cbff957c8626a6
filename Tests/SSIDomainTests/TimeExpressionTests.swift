import Foundation
import SSIConfig
import SSIDomain
import SSISystem
import Testing

@Suite struct TimeExpressionTests {
    let lisbon = LocalCalendar(zone: ZoneLoader.named("Europe/Lisbon")!)
    let now = CivilTime.parseUTC("2026-07-01T12:00:00Z")!

    @Test(arguments: [
        ("-90m", -5400), ("-3h", -10_800), ("-2d", -172_800), ("-1w", -604_800), ("now", 0), ("-0s", 0),
    ])
    func relativeOffsets(text: String, seconds: Int64) throws {
        #expect(try TimeExpression.parse(text, now: now, calendar: lisbon) == now + seconds)
    }

    /// Now is Wednesday 2026-07-01, 13:00 in Lisbon (UTC+1).
    @Test(arguments: [
        ("yesterday", "2026-06-30T11:00:00Z"), ("yesterday 17:00", "2026-06-30T16:00:00Z"),
        ("today 09:30", "2026-07-01T08:30:00Z"), ("09:30", "2026-07-01T08:30:00Z"), ("9:05am", "2026-07-01T08:05:00Z"),
        ("5pm", "2026-07-01T16:00:00Z"), ("monday", "2026-06-29T11:00:00Z"), ("Wednesday", "2026-06-24T11:00:00Z"),
        ("mon 08:15", "2026-06-29T07:15:00Z"), ("2h ago", "2026-07-01T10:00:00Z"),
        ("3 days ago", "2026-06-28T12:00:00Z"),
        ("90 min ago", "2026-07-01T10:30:00Z"), ("2026-06-30", "2026-06-29T23:00:00Z"),
    ])
    func whatPeopleTypeForAPastMoment(text: String, expected: String) throws {
        #expect(try TimeExpression.parse(text, now: now, calendar: lisbon) == CivilTime.parseUTC(expected)!)
    }

    /// For `pause --until`, a weekday is the next one and a bare day starts at its midnight.
    @Test(arguments: [
        ("monday", "2026-07-05T23:00:00Z"), ("wednesday", "2026-07-07T23:00:00Z"), ("tomorrow", "2026-07-01T23:00:00Z"),
        ("in 2 weeks", "2026-07-15T12:00:00Z"), ("+2w", "2026-07-15T12:00:00Z"),
        ("friday 18:00", "2026-07-03T17:00:00Z"),
    ])
    func whatPeopleTypeForADeadline(text: String, expected: String) throws {
        #expect(
            try TimeExpression.parse(text, now: now, calendar: lisbon, direction: .future)
                == CivilTime.parseUTC(expected)!)
    }

    /// One date rule everywhere: the journal's, the import's and `--at` all refuse February 31.
    @Test func impossibleDatesAreRefusedByEveryParser() {
        #expect(CivilTime.parseUTC("2026-02-31T10:00:00Z") == nil)
        #expect(CivilTime.wallSeconds(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilTime.wallSeconds(year: 2026, month: 2, day: 29) == nil)
        #expect(throws: TimeExpression.Failure.self) {
            try TimeExpression.parse("2026-02-31", now: now, calendar: lisbon)
        }
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

    @Test(arguments: [
        "someday", "2026-13-01", "2025-02-29", "2026-02-31T10:00", "yesterday 25:00", "monday 9", "2026-02-30", "-5x",
        "-h", "2026-07-01T25:00", "2026-07-01T09:30+99",
    ])
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
