import SSIDomain
import SSIJSON

/// The journal's events as a user takes them elsewhere: JSON lines (which `ssi-log import` reads
/// back to the same score) or CSV per RFC 4180. Pure: entries in, text out.
public struct EventExport: Sendable {
    /// One exported event.
    public struct Row: Sendable, Equatable {
        public var event: ActionEvent
        public var undone: Bool
    }

    public static let columns = [
        "id", "action", "occurred", "recorded", "count", "note", "url", "tags", "section", "source", "undone",
    ]

    public let rows: [Row]
    /// LinkedIn snapshots that count, in journal order (`--all` adds undone ones, marked).
    public let snapshots: [(event: SnapshotEvent, undone: Bool)]

    /// Actions in journal order; undone ones only when `includeUndone`, marked; `occurred` within
    /// `since..<until` when given.
    public init(entries: [JournalEntry], includeUndone: Bool, since: Int64? = nil, until: Int64? = nil) {
        var undone: Set<String> = []
        for entry in entries { if case .undo(let undo) = entry { undone.insert(undo.target) } }
        snapshots = entries.compactMap { entry -> (event: SnapshotEvent, undone: Bool)? in
            guard case .snapshot(let snapshot) = entry else { return nil }
            let isUndone = undone.contains(snapshot.id)
            guard includeUndone || !isUndone else { return nil }
            if let since, snapshot.occurred < since { return nil }
            if let until, snapshot.occurred >= until { return nil }
            return (snapshot, isUndone)
        }
        rows = entries.compactMap { entry -> Row? in
            guard case .action(let event) = entry else { return nil }
            let isUndone = undone.contains(event.id)
            guard includeUndone || !isUndone else { return nil }
            if let since, event.occurred < since { return nil }
            if let until, event.occurred >= until { return nil }
            return Row(event: event, undone: isUndone)
        }
    }

    /// `redact`: without notes, URLs and tags (names live in notes).
    public func jsonLines(redact: Bool) -> String {
        var text = ""
        for row in rows {
            let event = row.event
            var members: [(String, JSONValue)] = [
                ("id", .string(event.id)), ("action", .string(event.action)),
                ("occurred", .string(CivilTime.formatUTC(event.occurred))),
                ("recorded", .string(CivilTime.formatUTC(event.recorded))), ("count", .int(event.count)),
            ]
            if !redact {
                if let note = event.note { members.append(("note", .string(note))) }
                if let url = event.url { members.append(("url", .string(url))) }
                members.append(("tags", .array(event.tags.map { .string($0) })))
            }
            if let section = event.section { members.append(("section", .string(section))) }
            members.append(("source", .string(event.source ?? "typed")))
            if row.undone { members.append(("undone", .bool(true))) }
            text += JSONValue.object(members).serialized() + "\n"
        }
        for (snapshot, undone) in snapshots {
            var members: [(String, JSONValue)] =
                [
                    ("id", .string(snapshot.id)), ("type", .string("snapshot")),
                    ("occurred", .string(CivilTime.formatUTC(snapshot.occurred))),
                    ("recorded", .string(CivilTime.formatUTC(snapshot.recorded))),
                    ("total", .int(snapshot.values.total)),
                ] + JournalRecord.snapshotMembers(snapshot.values)
            if undone { members.append(("undone", .bool(true))) }
            text += JSONValue.object(members).serialized() + "\n"
        }
        return text
    }

    /// CSV with a header row; fields quoted when they hold a comma, quote or line break (RFC 4180),
    /// lines ended with CRLF; tags joined with `;`.
    public func csv(redact: Bool) -> String {
        var text = Self.columns.joined(separator: ",") + "\r\n"
        for row in rows {
            let event = row.event
            let fields = [
                event.id, event.action, CivilTime.formatUTC(event.occurred), CivilTime.formatUTC(event.recorded),
                String(event.count), redact ? "" : event.note ?? "", redact ? "" : event.url ?? "",
                redact ? "" : event.tags.joined(separator: ";"), event.section ?? "", event.source ?? "typed",
                row.undone ? "true" : "false",
            ]
            text += fields.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        for (snapshot, undone) in snapshots {
            let pillars = Pillar.allCases.map {
                "\($0.rawValue) \(SnapshotValues.format(snapshot.values.thousandths($0)))"
            }
            let fields = [
                snapshot.id, "snapshot", CivilTime.formatUTC(snapshot.occurred), CivilTime.formatUTC(snapshot.recorded),
                "1", "LinkedIn SSI \(snapshot.values.total): " + pillars.joined(separator: ", "), "", "", "", "typed",
                undone ? "true" : "false",
            ]
            text += fields.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        return text
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
