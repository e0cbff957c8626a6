import SSIDomain
import Testing

/// The event keeps its rarely used fields in a shared box; it must still behave as a plain value.
@Suite struct ActionEventTests {
    static let full = ActionEvent(
        id: "a1b2c3d4e5f60718", seq: 7, action: "comment", occurred: 1_000, recorded: 1_010, count: 2,
        tags: ["decision-maker"], section: "headline", note: "on Ana's pricing post", url: "https://example.org/p",
        requestID: "0011223344556677", source: "Comments.csv:3")

    @Test func anEventIsSeventyTwoBytesInline() {
        #expect(MemoryLayout<ActionEvent>.size == 72)
    }

    @Test func fieldsReadBackAsGiven() {
        let event = Self.full
        #expect(event.tags == ["decision-maker"])
        #expect(event.section == "headline")
        #expect(event.note == "on Ana's pricing post")
        #expect(event.url == "https://example.org/p")
        #expect(event.requestID == "0011223344556677")
        #expect(event.source == "Comments.csv:3")
        let bare = ActionEvent(id: "x", seq: 1, action: "like", occurred: 0, recorded: 0)
        #expect(bare.tags.isEmpty && bare.section == nil && bare.note == nil && bare.source == nil)
    }

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        var copy = Self.full
        copy.note = nil
        copy.tags = []
        copy.source = "Shares.csv:9"
        #expect(Self.full.note == "on Ana's pricing post")
        #expect(Self.full.tags == ["decision-maker"])
        #expect(Self.full.source == "Comments.csv:3")
        #expect(copy.note == nil && copy.tags.isEmpty && copy.source == "Shares.csv:9")
        #expect(copy.section == "headline" && copy.url == "https://example.org/p")
        #expect(copy != Self.full)
    }

    @Test func equalityComparesEveryField() {
        for change in [
            { (event: inout ActionEvent) in event.tags = ["coworker"] },
            { $0.section = "photo" }, { $0.note = "other" }, { $0.url = nil }, { $0.requestID = "ff" },
            { $0.source = nil }, { $0.count = 3 }, { $0.seq = 8 },
        ] as [(inout ActionEvent) -> Void] {
            var changed = Self.full
            change(&changed)
            #expect(changed != Self.full)
        }
        var rebuilt = Self.full
        rebuilt.note = "on Ana's pricing post"
        #expect(rebuilt == Self.full)
    }

    @Test func anEventClearedOfItsDetailsEqualsOneMadeWithout() {
        var cleared = Self.full
        cleared.details = ActionEvent.Details()
        let bare = ActionEvent(
            id: "a1b2c3d4e5f60718", seq: 7, action: "comment", occurred: 1_000, recorded: 1_010, count: 2)
        #expect(cleared == bare && !cleared.hasDetails && !bare.hasDetails && Self.full.hasDetails)
        cleared.tags.append("coworker")
        #expect(cleared.tags == ["coworker"] && cleared != bare)
    }

    @Test func theKeptCopyDropsOnlyTheNoteTheLinkAndTheRequestID() {
        let kept = Self.full.keptForScoring
        #expect(kept.note == nil && kept.url == nil && kept.requestID == nil)
        #expect(kept.tags == ["decision-maker"] && kept.section == "headline" && kept.source == "Comments.csv:3")
        #expect(kept.id == Self.full.id && kept.seq == 7 && kept.count == 2 && kept.occurred == 1_000)
    }
}
