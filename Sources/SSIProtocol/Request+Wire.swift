import SSIDomain
import SSIJSON

extension Request {
    /// Reads a request line. Every failure is a `ProtocolError` with `bad_request` (or a more
    /// specific code) and the request's id when one could be read.
    public static func decode<Bytes: Collection<UInt8>>(_ line: Bytes) -> Result<Request, RequestFailure> {
        guard line.count <= maxBytes else {
            return .failure(RequestFailure(id: nil, error: ProtocolError(.badRequest, "request larger than 64 KiB")))
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line)
        } catch {
            return .failure(RequestFailure(id: nil, error: ProtocolError(.badRequest, "not valid JSON: \(error)")))
        }
        guard case .object = json else {
            return .failure(RequestFailure(id: nil, error: ProtocolError(.badRequest, "a request is a JSON object")))
        }
        let id = json["id"]?.stringValue
        do throws(ProtocolError) {
            return .success(try decode(json, id: id))
        } catch {
            return .failure(RequestFailure(id: id, error: error))
        }
    }

    static func decode(_ json: JSONValue, id: String?) throws(ProtocolError) -> Request {
        guard let version = json["v"] else { throw ProtocolError(.badRequest, "missing \"v\" (protocol version 1)") }
        guard version.intValue == Request.version else {
            throw ProtocolError(.badRequest, "unsupported protocol version (this daemon speaks v1)")
        }
        guard let id, !id.isEmpty, id.utf8.count <= 128 else {
            throw ProtocolError(.badRequest, "missing \"id\": a string of 1 to 128 bytes")
        }
        guard let op = json["op"]?.stringValue else { throw ProtocolError(.badRequest, "missing \"op\"") }
        guard let name = OperationName(rawValue: op) else { throw ProtocolError(.badRequest, "unknown op '\(op)'") }
        var fields = FieldReader(json: json, allowed: ["v", "id", "op"])
        let operation: Operation
        switch name {
        case .log:
            let action = try fields.string("action", required: true)!
            let count = try fields.int("count") ?? 1
            guard (1...1_000_000).contains(count) else {
                throw ProtocolError(.invalidArgument, "count must be between 1 and 1000000")
            }
            operation = .log(
                LogRequest(
                    action: action, note: try fields.string("note"), at: try fields.string("at"), count: count,
                    url: try fields.string("url"), tags: try fields.strings("tags"),
                    section: try fields.string("section"), source: try fields.string("source"),
                    typedWithin: try fields.int("typed_within")))
        case .undo: operation = .undo(target: try fields.string("event"))
        case .score: operation = .score(explain: try fields.bool("explain") ?? false)
        case .status: operation = .status
        case .history:
            let days = try fields.int("days") ?? 30
            guard (1...3660).contains(days) else {
                throw ProtocolError(.invalidArgument, "days must be between 1 and 3660")
            }
            operation = .history(days: days)
        case .actions: operation = .actions
        case .today: operation = .today
        case .reload: operation = .reload
        case .pause: operation = .pause(until: try fields.string("until"))
        case .week: operation = .week(try fields.string("week"))
        case .calibrate: operation = .calibrate
        case .snapshot:
            guard let total = try fields.int("total") else { throw ProtocolError(.badRequest, "missing \"total\"") }
            var pillars: [Pillar: Int] = [:]
            for pillar in Pillar.allCases {
                guard let value = try fields.thousandths(pillar.rawValue) else {
                    throw ProtocolError(.badRequest, "missing \"\(pillar.rawValue)\"")
                }
                pillars[pillar] = value
            }
            operation = .snapshot(
                SnapshotRequest(
                    total: total, pillarThousandths: pillars, industryRank: try fields.int("industry_rank"),
                    networkRank: try fields.int("network_rank"), at: try fields.string("at")))
        }
        try fields.finish()
        return Request(id: id, operation: operation)
    }

    /// Whether a request line is a `log`, read cheaply without parsing: the daemon pipelines those.
    /// A line it misjudges is only served without pipelining, never wrongly.
    public static func isLog<Bytes: Collection<UInt8>>(_ line: Bytes) -> Bool {
        let needle = Array(#""op":"log""#.utf8)
        var matched = 0
        for byte in line {
            matched = byte == needle[matched] ? matched + 1 : (byte == needle[0] ? 1 : 0)
            if matched == needle.count { return true }
        }
        return false
    }

    /// The request as one line of JSON, as the client sends it.
    public func encoded() -> String {
        var members: [(String, JSONValue)] = [
            ("v", .int(Request.version)), ("id", .string(id)), ("op", .string(operation.name.wireName)),
        ]
        switch operation {
        case .log(let log):
            members.append(("action", .string(log.action)))
            if let note = log.note { members.append(("note", .string(note))) }
            if let at = log.at { members.append(("at", .string(at))) }
            if log.count != 1 { members.append(("count", .int(log.count))) }
            if let url = log.url { members.append(("url", .string(url))) }
            if !log.tags.isEmpty { members.append(("tags", .array(log.tags.map { .string($0) }))) }
            if let section = log.section { members.append(("section", .string(section))) }
            if let source = log.source { members.append(("source", .string(source))) }
            if let within = log.typedWithin { members.append(("typed_within", .int(within))) }
        case .undo(let target):
            if let target { members.append(("event", .string(target))) }
        case .score(let explain):
            if explain { members.append(("explain", .bool(true))) }
        case .status, .actions, .today, .reload, .calibrate: break
        case .history(let days):
            members.append(("days", .int(days)))
        case .pause(let until):
            if let until { members.append(("until", .string(until))) }
        case .week(let week):
            if let week { members.append(("week", .string(week))) }
        case .snapshot(let snapshot):
            members.append(("total", .int(snapshot.total)))
            for pillar in Pillar.allCases {
                members.append(
                    (pillar.rawValue, .number(SnapshotValues.format(snapshot.pillarThousandths[pillar] ?? 0))))
            }
            if let rank = snapshot.industryRank { members.append(("industry_rank", .int(rank))) }
            if let rank = snapshot.networkRank { members.append(("network_rank", .int(rank))) }
            if let at = snapshot.at { members.append(("at", .string(at))) }
        }
        return JSONValue.object(members).serialized()
    }
}
