/// One row per person (machine and user) from forwarded ssi-logd journal entries: the latest total
/// and pillars, the change over the period, the last action, alerts in the period, and a daily
/// sparkline. Entries are de-duplicated by `SSI_EVENT_ID` (an uploader restarted with
/// `--save-state` sends its last entry again). Pure: field dictionaries in, rows out.
public struct TeamView: Sendable, Equatable {
    /// One forwarded entry: its fields and when it was written.
    public struct Entry: Sendable, Equatable {
        public var fields: [String: String]
        public var time: Int64

        public init(fields: [String: String], time: Int64) {
            self.fields = fields
            self.time = time
        }
    }

    public struct Row: Sendable, Equatable {
        public var machine: String
        public var user: String
        public var score: Score
        /// The change of the total over the period, in hundredths.
        public var changeHundredths: Int
        public var lastAction: String?
        public var lastActionTime: Int64?
        public var alerts: Int
        /// Each day's last total in the period, oldest first (nil: no entry yet).
        public var daily: [Int?]
    }

    public static let eventMessageID = "3b7fab1ca39a4955b9e7cdb58d1395ac"
    public static let alertMessageID = "cba65c0b073e4dcab9e98a86cdcf159d"

    public var rows: [Row]
    /// Entries seen again and left out.
    public var duplicates: Int

    public init(entries: [Entry], now: Int64, days: Int, calendar: LocalCalendar) {
        let since = now - Int64(days) * 86_400
        var seen: Set<String> = []
        var seenAlerts: Set<String> = []
        var duplicates = 0
        var byPerson: [String: [Entry]] = [:]
        for entry in entries.sorted(by: { $0.time < $1.time }) {
            guard let user = entry.fields["SSI_USER"] else { continue }
            let messageID = entry.fields["MESSAGE_ID"]
            if messageID == Self.eventMessageID {
                guard let id = entry.fields["SSI_EVENT_ID"] else { continue }
                guard seen.insert(id).inserted else {
                    duplicates += 1
                    continue
                }
            } else if messageID == Self.alertMessageID {
                let key = "\(entry.time)\u{1F}\(entry.fields["MESSAGE"] ?? "")"
                guard seenAlerts.insert(key).inserted else {
                    duplicates += 1
                    continue
                }
            } else {
                continue
            }
            let machine = entry.fields["_HOSTNAME"] ?? entry.fields["_MACHINE_ID"] ?? "?"
            byPerson["\(machine)\u{1F}\(user)", default: []].append(entry)
        }
        self.duplicates = duplicates
        let today = calendar.day(of: now)
        rows = byPerson.compactMap { key, entries -> Row? in
            let events = entries.filter { $0.fields["MESSAGE_ID"] == Self.eventMessageID }
            guard let latest = events.last, let score = Self.score(latest.fields) else { return nil }
            let before = events.last(where: { $0.time <= since }) ?? events.first { $0.time > since }
            let start = before.flatMap { Self.score($0.fields) }?.totalHundredths ?? score.totalHundredths
            let acted = events.last {
                !["undo", "pause", "snapshot"].contains($0.fields["SSI_ACTION"] ?? "undo")
            }
            var daily: [Int?] = []
            for day in (today - Int64(days) + 1)...today {
                let end = calendar.end(ofDay: day)
                daily.append(events.last(where: { $0.time <= end }).flatMap { Self.score($0.fields)?.totalHundredths })
            }
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            return Row(
                machine: parts[0], user: parts.count > 1 ? parts[1] : "?", score: score,
                changeHundredths: score.totalHundredths - start, lastAction: acted?.fields["SSI_ACTION"],
                lastActionTime: acted?.time,
                alerts: entries.count { $0.fields["MESSAGE_ID"] == Self.alertMessageID && $0.time > since },
                daily: daily)
        }.sorted { ($0.score.totalHundredths, $0.user) > ($1.score.totalHundredths, $1.user) }
    }

    /// The score an event entry carried: its pillars (`SSI_BRAND` …); nil for entries without them.
    static func score(_ fields: [String: String]) -> Score? {
        var pillars: [Pillar: Int] = [:]
        for pillar in Pillar.allCases {
            guard let text = fields["SSI_\(pillar.rawValue.uppercased())"], let value = hundredths(text) else {
                return nil
            }
            pillars[pillar] = value
        }
        return Score(pillarHundredths: pillars)
    }

    static func hundredths(_ text: String) -> Int? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let whole = Int(parts[0]), parts[1].count == 2, let fraction = Int(parts[1]) else {
            return nil
        }
        return whole * 100 + fraction
    }
}
