import SSIDomain
import Testing

@Suite struct NameSuggestionTests {
    static let catalog = ["comment", "connect", "connection", "like", "message", "post", "profile", "reply", "share"]

    @Test(arguments: [
        ("coment", ["comment"]), ("commnet", ["comment"]), ("lkie", ["like"]), ("conect", ["connect"]),
        ("pots", ["post"]), ("mesage", ["message"]), ("xyzzy", []), ("conn", ["connect", "connection"]),
    ])
    func aMistypedActionSuggestsTheNearest(typed: String, expected: [String]) {
        #expect(NameSuggestion.nearest(to: typed, among: Self.catalog) == expected)
    }
}
