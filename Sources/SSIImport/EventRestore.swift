import SSIDomain
import SSIJSON
import SSIProtocol

/// Reads an `ssi-log export` JSON-lines file back into log requests: a backup restored, or a
/// journal moved to another machine. Each event keeps its id as the request id (`restore-ID`), so
/// restoring twice logs nothing twice; undone events are left out, as they do not count.
public enum EventRestore {
    /// Whether a file's text looks like an `ssi-log export` (JSON lines with `id` and `action`).
    public static func looksLikeExport(_ text: Substring) -> Bool {
        text.drop(while: { $0 == " " || $0 == "\n" }).hasPrefix("{\"id\":")
    }

    public static func plan(file: String, text: String) -> ImportPlan {
        var plan = ImportPlan()
        var count = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let json = try? JSONParser.parse(Array(line.utf8)), let id = json["id"]?.stringValue,
                let occurred = json["occurred"]?.stringValue
            else {
                plan.skip("unreadable line")
                continue
            }
            if json["undone"]?.boolValue == true {
                plan.skip("undone event")
                continue
            }
            if json["type"]?.stringValue == "snapshot" {
                var pillars: [Pillar: Int] = [:]
                for pillar in Pillar.allCases {
                    if case .number(let text)? = json["pillars"]?[pillar.rawValue] {
                        pillars[pillar] = SnapshotValues.thousandths(text)
                    }
                }
                guard let total = json["total"]?.intValue, pillars.count == 4 else {
                    plan.skip("unreadable line")
                    continue
                }
                let request = SnapshotRequest(
                    total: total, pillarThousandths: pillars, industryRank: json["industry_rank"]?.intValue,
                    networkRank: json["network_rank"]?.intValue, at: occurred)
                plan.snapshots.append((request, "restore-" + id))
                count += 1
                continue
            }
            guard let action = json["action"]?.stringValue else {
                plan.skip("unreadable line")
                continue
            }
            let source = json["source"]?.stringValue.flatMap { $0 == "typed" ? nil : $0 }
            let request = LogRequest(
                action: action, note: json["note"]?.stringValue, at: occurred, count: json["count"]?.intValue ?? 1,
                url: json["url"]?.stringValue, tags: json["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                section: json["section"]?.stringValue, source: source)
            plan.actions.append(ImportedAction(request, source: "\(file):\(index + 1)", requestID: "restore-" + id))
            count += 1
        }
        plan.files = [(file, count)]
        return plan
    }
}
