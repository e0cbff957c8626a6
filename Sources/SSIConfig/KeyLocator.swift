/// Finds the line a dotted key is written on, so that errors point at it. TOMLKit keeps no
/// positions for values, and a line-level scan is enough for the plain layout configs use.
struct KeyLocator: Sendable {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: " \t\r")
            let number = index + 1
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: "[] \t")
                table = name.split(separator: ".").map { $0.trimmingCharacters(in: " \t\"") }
                if lines[table.joined(separator: ".")] == nil { lines[table.joined(separator: ".")] = number }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = line[..<equals].trimmingCharacters(in: " \t\"")
                let path = (table + [key]).joined(separator: ".")
                if lines[path] == nil { lines[path] = number }
                let value = line[line.index(after: equals)...]
                if let open = value.firstIndex(of: "{") {
                    for member in value[value.index(after: open)...].split(separator: ",") {
                        guard let memberEquals = member.firstIndex(of: "=") else { continue }
                        let name = member[..<memberEquals].trimmingCharacters(in: " \t\"")
                        if lines[path + "." + name] == nil { lines[path + "." + name] = number }
                    }
                }
            }
        }
    }

    /// The line of the key, else of the nearest enclosing table that is written down.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    func contains(_ path: [String]) -> Bool { lines[path.joined(separator: ".")] != nil }
}

extension StringProtocol {
    /// Without the leading and trailing characters found in `set` (a few characters: a scan of it
    /// is cheaper than building a set, and every start reads the whole default configuration).
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
