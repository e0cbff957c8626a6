/// Finds LinkedIn's SSI numbers in text copied from the SSI page (select all, copy, paste): "N out
/// of 100", each pillar's label with its value (on the same line or the next ones), and the two
/// "Top N%" ranks. Decimal points or commas. Anything it cannot find is reported, never guessed.
public enum SSIPageText {
    /// What was found and what was missing, when the text is not enough.
    public struct Unrecognized: Error, Equatable, CustomStringConvertible {
        public let found: [String]
        public let missing: [String]
        /// Everything was found, but the numbers do not hold together.
        public var invalid: String?
        public var description: String {
            let seen = "found " + (found.isEmpty ? "nothing" : found.joined(separator: ", "))
            if let invalid { return "the SSI page text does not add up (\(invalid)); \(seen)" }
            return "could not read the SSI page: \(seen); missing " + missing.joined(separator: ", ")
        }
    }

    static let labels: [(Pillar, [String])] = [
        (.brand, ["professional brand"]), (.find, ["right people"]), (.engage, ["engage with insights", "insights"]),
        (.relationships, ["build relationships", "relationships"]),
    ]

    public static func parse(_ text: String) throws(Unrecognized) -> SnapshotValues {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map {
            String($0).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
                .joined(separator: " ")
        }.filter { !$0.isEmpty }
        var found: [String] = []
        var missing: [String] = []
        let total = totalValue(lines)
        if let total { found.append("total \(total)") } else { missing.append("the total (\"N out of 100\")") }
        var pillars: [Pillar: Int] = [:]
        for (pillar, names) in labels {
            if let value = pillarValue(lines, names: names) {
                pillars[pillar] = value
                found.append("\(pillar.rawValue) \(SnapshotValues.format(value))")
            } else {
                missing.append(pillar.rawValue)
            }
        }
        let industry = rank(lines, after: "industry")
        let network = rank(lines, after: "network")
        if let industry { found.append("industry rank top \(industry)%") }
        if let network { found.append("network rank top \(network)%") }
        guard let total, missing.isEmpty else { throw Unrecognized(found: found, missing: missing) }
        do throws(SnapshotValues.Invalid) {
            return try SnapshotValues(
                total: total, pillarThousandths: pillars, industryRank: industry, networkRank: network)
        } catch {
            throw Unrecognized(found: found, missing: [], invalid: error.description)
        }
    }

    /// `53 out of 100`, `53 / 100`, or `53` on the line before `out of 100`.
    static func totalValue(_ lines: [String]) -> Int? {
        for (index, line) in lines.enumerated() {
            for marker in ["out of 100", "/ 100", "/100"] {
                guard let range = line.firstRange(of: marker) else { continue }
                let before = line[..<range.lowerBound].split(separator: " ").last.map(String.init)
                if let before, let value = Int(before) { return value }
                if before == nil, index > 0, let value = Int(lines[index - 1]) { return value }
            }
        }
        return nil
    }

    /// The first number after the label: on its line, or on one of the next two lines. Short lines
    /// (a label, perhaps with its value) are tried first, so a sentence that mentions "your
    /// professional brand" is not taken for the label.
    static func pillarValue(_ lines: [String], names: [String]) -> Int? {
        for name in names {
            for (index, line) in lines.enumerated().sorted(by: {
                ($0.element.count > 60 ? 1 : 0, $0.offset) < ($1.element.count > 60 ? 1 : 0, $1.offset)
            }) {
                guard let range = line.firstRange(of: name) else { continue }
                if let value = firstNumber(String(line[range.upperBound...])) { return value }
                for next in lines.dropFirst(index + 1).prefix(2) {
                    if let value = firstNumber(next) { return value }
                }
            }
        }
        return nil
    }

    /// "Top 3%" on a line mentioning `scope` and "rank", or on one of the next three lines.
    static func rank(_ lines: [String], after scope: String) -> Int? {
        for (index, line) in lines.enumerated() where line.contains(scope) && line.contains("rank") {
            for candidate in lines[index...].prefix(4) {
                guard let range = candidate.firstRange(of: "top ") else { continue }
                let digits = candidate[range.upperBound...].prefix { $0.isNumber }
                if let value = Int(digits), candidate[range.upperBound...].dropFirst(digits.count).hasPrefix("%") {
                    return value
                }
            }
        }
        return nil
    }

    /// A number like `13.04`, `20,998` or `9` at the start of a word.
    static func firstNumber(_ text: String) -> Int? {
        for word in text.split(separator: " ") {
            let trimmed = word.trimmingPrefix { $0 == ":" || $0 == "(" }.prefix {
                $0.isNumber || $0 == "." || $0 == ","
            }
            var candidate = String(trimmed)
            while candidate.hasSuffix(".") || candidate.hasSuffix(",") { candidate.removeLast() }
            if !candidate.isEmpty, let value = SnapshotValues.thousandths(candidate) { return value }
        }
        return nil
    }
}
