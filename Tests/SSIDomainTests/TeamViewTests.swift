import SSIDomain
import Testing

/// The team view's aggregation: one row per machine and user, entries sent twice counted once, the
/// change over the period, the last real action, alerts in the period.
@Suite struct TeamViewTests {
    let calendar = LocalCalendar(zone: .utc)
    let now: Int64 = 1_796_040_000  // 2026-11-30T12:00:00Z

    func event(_ user: String, _ id: String, _ action: String, at time: Int64, engage: String) -> TeamView.Entry {
        TeamView.Entry(
            fields: [
                "MESSAGE_ID": TeamView.eventMessageID, "SSI_USER": user, "SSI_EVENT_ID": id, "SSI_ACTION": action,
                "SSI_BRAND": "1.00", "SSI_FIND": "2.00", "SSI_ENGAGE": engage, "SSI_RELATIONSHIPS": "3.70",
                "_HOSTNAME": "laptop-\(user)",
            ], time: time)
    }

    @Test func rowsPerPersonWithDuplicatesLeftOut() {
        let entries = [
            event("ana", "a1", "comment", at: now - 20 * 86_400, engage: "4.00"),
            event("ana", "a2", "post", at: now - 3 * 86_400, engage: "6.00"),
            event("ana", "a3", "undo", at: now - 3600, engage: "5.50"),
            event("ana", "a3", "undo", at: now - 3600, engage: "5.50"),  // re-sent by a restarted uploader
            event("ben", "b1", "like", at: now - 86_400, engage: "2.00"),
            TeamView.Entry(
                fields: [
                    "MESSAGE_ID": TeamView.alertMessageID, "SSI_USER": "ana", "MESSAGE": "SSI fell",
                    "_HOSTNAME": "laptop-ana",
                ], time: now - 7200),
            // No SSI_USER: an entry of an older daemon, left out.
            TeamView.Entry(fields: ["MESSAGE_ID": TeamView.eventMessageID, "SSI_EVENT_ID": "x"], time: now),
        ]
        let view = TeamView(entries: entries, now: now, days: 14, calendar: calendar)
        #expect(view.duplicates == 1)
        #expect(view.rows.map(\.user) == ["ana", "ben"], "highest total first")
        let ana = view.rows[0]
        #expect(ana.machine == "laptop-ana")
        #expect(ana.score.hundredths(.engage) == 550)
        // 14 days ago ana stood at the a1 entry: 1 + 2 + 4 + 3.70.
        #expect(ana.changeHundredths == (100 + 200 + 550 + 370) - (100 + 200 + 400 + 370))
        #expect(ana.lastAction == "post", "an undo is not an action")
        #expect(ana.alerts == 1)
        #expect(ana.daily.count == 14)
        #expect(ana.daily.last == 1220)
    }
}
