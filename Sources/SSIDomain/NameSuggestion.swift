/// The catalog names closest to a mistyped one, for "did you mean comment?".
public enum NameSuggestion {
    /// Names within a small edit distance of `name` (or starting with it), nearest first, at most
    /// three.
    public static func nearest(to name: String, among names: [String]) -> [String] {
        let typed = Array(name.lowercased())
        let limit = max(1, min(3, typed.count / 3))
        let scored = names.compactMap { candidate -> (String, Int)? in
            let distance = editDistance(typed, Array(candidate))
            if distance <= limit { return (candidate, distance) }
            if typed.count >= 3, candidate.hasPrefix(String(typed)) { return (candidate, limit + 1) }
            return nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    /// Levenshtein distance, with a swap of two neighbours counting as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
