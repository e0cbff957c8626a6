import SSIDomain
import SSIJSON
import SSISystem

/// The on-disk form of one journal entry: one line of JSON, version 1.
///
/// `{"v":1,"seq":7,"id":"…","type":"action",…,"crc":"1a2b3c4d"}`: the `crc` is the CRC-32C, in
/// eight lowercase hex digits, of every byte of the line before `,"crc":`.
public enum JournalRecord {
    public static let version = 1
    static let crcPrefix = Array(#","crc":""#.utf8)

    /// The line for an entry, without the newline.
    public static func encode(_ entry: JournalEntry) -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("v", .int(version)), ("seq", .int(entry.seq)), ("id", .string(entry.id)),
        ]
        switch entry {
        case .action(let event):
            members.append(("type", .string("action")))
            members.append(("action", .string(event.action)))
            members.append(("occurred", .string(CivilTime.formatUTC(event.occurred))))
            members.append(("recorded", .string(CivilTime.formatUTC(event.recorded))))
            members.append(("count", .int(event.count)))
            if !event.tags.isEmpty { members.append(("tags", .array(event.tags.map { .string($0) }))) }
            if let section = event.section { members.append(("section", .string(section))) }
            if let note = event.note { members.append(("note", .string(note))) }
            if let url = event.url { members.append(("url", .string(url))) }
            if let source = event.source { members.append(("src", .string(source))) }
        case .undo(let undo):
            members.append(("type", .string("undo")))
            members.append(("target", .string(undo.target)))
            members.append(("recorded", .string(CivilTime.formatUTC(undo.recorded))))
        case .pause(let pause):
            members.append(("type", .string("pause")))
            members.append(("until", pause.until.map { .string(CivilTime.formatUTC($0)) } ?? .null))
            members.append(("recorded", .string(CivilTime.formatUTC(pause.recorded))))
        case .snapshot(let snapshot):
            members.append(("type", .string("snapshot")))
            members.append(("occurred", .string(CivilTime.formatUTC(snapshot.occurred))))
            members.append(("recorded", .string(CivilTime.formatUTC(snapshot.recorded))))
            members.append(("total", .int(snapshot.values.total)))
            members += snapshotMembers(snapshot.values)
        }
        if let request = entry.requestID { members.append(("req", .string(request))) }
        var body = JSONValue.object(members).serializedBytes()
        body.removeLast()  // the closing brace: the checksum goes inside the object
        let crc = CRC32C.checksum(body)
        body += crcPrefix
        body += Array(hex8(crc).utf8)
        body += Array(#""}"#.utf8)
        return body
    }

    /// A snapshot's pillars (three decimals, as the page shows them) and ranks, as the journal and
    /// the export write them.
    public static func snapshotMembers(_ values: SnapshotValues) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            (
                "pillars",
                .object(Pillar.allCases.map { ($0.rawValue, .number(SnapshotValues.format(values.thousandths($0)))) })
            )
        ]
        if let rank = values.industryRank { members.append(("industry_rank", .int(rank))) }
        if let rank = values.networkRank { members.append(("network_rank", .int(rank))) }
        return members
    }

    /// Only the canonical form is accepted: `A` for `a` is a changed byte too.
    static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    static func hex8(_ value: UInt32) -> String {
        Hex.fixedWidth(value, digits: 8)
    }

    /// Decodes one line (without its newline), checking the checksum before trusting any field.
    public static func decode<Line: RandomAccessCollection<UInt8>>(_ line: Line) throws(JournalDamage.Reason)
        -> JournalEntry where Line.Index == Int
    {
        // ,"crc":"xxxxxxxx"}  is 18 bytes.
        guard line.count > 18 + 2 else { throw .malformed("record too short") }
        let end = line.endIndex
        let suffixStart = end - 18
        guard line[suffixStart..<suffixStart + 8].elementsEqual(crcPrefix), line[end - 2] == UInt8(ascii: "\""),
            line[end - 1] == UInt8(ascii: "}"),
            line[(suffixStart + 8)..<(end - 2)].allSatisfy({ isLowerHex($0) }),
            let stored = UInt32(String(decoding: line[(suffixStart + 8)..<(end - 2)], as: UTF8.self), radix: 16)
        else { throw .malformed("no checksum at the end of the record") }
        let body = line[line.startIndex..<suffixStart]
        let actual = CRC32C.checksum(body)
        guard actual == stored else { throw .checksum(expected: hex8(stored), actual: hex8(actual)) }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(body) + [UInt8(ascii: "}")])
        } catch {
            throw .malformed("invalid JSON: \(error)")
        }
        return try entry(from: json)
    }

    static func entry(from json: JSONValue) throws(JournalDamage.Reason) -> JournalEntry {
        guard json["v"]?.intValue == version else { throw .malformed("unsupported record version") }
        guard let seqText = json["seq"], case .number(let seqDigits) = seqText, let seq = UInt64(seqDigits) else {
            throw .malformed("missing seq")
        }
        guard let id = json["id"]?.stringValue, !id.isEmpty else { throw .malformed("missing id") }
        guard let recorded = json["recorded"]?.stringValue.flatMap(CivilTime.parseUTC) else {
            throw .malformed("missing or invalid recorded time")
        }
        let request = json["req"]?.stringValue
        switch json["type"]?.stringValue {
        case "action":
            guard let action = json["action"]?.stringValue else { throw .malformed("missing action") }
            guard let occurred = json["occurred"]?.stringValue.flatMap(CivilTime.parseUTC) else {
                throw .malformed("missing or invalid occurred time")
            }
            guard let count = json["count"]?.intValue, count > 0 else { throw .malformed("missing or invalid count") }
            let tags = json["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .action(
                ActionEvent(
                    id: id, seq: seq, action: action, occurred: occurred, recorded: recorded, count: count, tags: tags,
                    section: json["section"]?.stringValue, note: json["note"]?.stringValue,
                    url: json["url"]?.stringValue, requestID: request, source: json["src"]?.stringValue))
        case "undo":
            guard let target = json["target"]?.stringValue else { throw .malformed("missing target") }
            return .undo(UndoEvent(id: id, seq: seq, target: target, recorded: recorded, requestID: request))
        case "pause":
            var until: Int64?
            if let text = json["until"]?.stringValue {
                guard let parsed = CivilTime.parseUTC(text) else { throw .malformed("invalid pause time") }
                until = parsed
            }
            return .pause(PauseEvent(id: id, seq: seq, until: until, recorded: recorded, requestID: request))
        case "snapshot":
            guard let occurred = json["occurred"]?.stringValue.flatMap(CivilTime.parseUTC) else {
                throw .malformed("missing or invalid occurred time")
            }
            guard let total = json["total"]?.intValue, let pillars = json["pillars"] else {
                throw .malformed("missing snapshot values")
            }
            var thousandths: [Pillar: Int] = [:]
            for pillar in Pillar.allCases {
                guard case .number(let text)? = pillars[pillar.rawValue], let value = SnapshotValues.thousandths(text)
                else { throw .malformed("missing snapshot pillar \(pillar.rawValue)") }
                thousandths[pillar] = value
            }
            do throws(SnapshotValues.Invalid) {
                let values = try SnapshotValues(
                    total: total, pillarThousandths: thousandths, industryRank: json["industry_rank"]?.intValue,
                    networkRank: json["network_rank"]?.intValue)
                return .snapshot(
                    SnapshotEvent(
                        id: id, seq: seq, occurred: occurred, recorded: recorded, values: values, requestID: request))
            } catch {
                throw .malformed("invalid snapshot: \(error.description)")
            }
        default:
            throw .malformed("unknown record type")
        }
    }
}
