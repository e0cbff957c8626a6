import SSIDomain
import Testing

/// Text as people copy it from LinkedIn's SSI page (select all, copy, paste), in several layouts.
@Suite struct SSIPageTextTests {
    static let stacked = """
        Social Selling Index
        Your Social Selling Index (SSI) measures how effective you are at establishing your professional brand.
        Current Social Selling Index
        53
        out of 100
        Establish your professional brand
        13.04
        Find the right people
        10.5
        Engage with insights
        8.79
        Build relationships
        20.998
        Industry SSI rank
        Top 3%
        People in the Software Development industry have an average SSI of 25
        Network SSI rank
        Top 12%
        People in your network have an average SSI of 24
        """

    static let inline = """
        Today's Social Selling Index: 53 out of 100
        Four components of your score
        Establish your professional brand 13.04 / 25
        Find the right people 10.50 / 25
        Engage with insights 8.790 / 25
        Build relationships 20.998 / 25
        Industry SSI rank: Top 3%
        Network SSI rank: Top 12%
        """

    static let commas = """
        Current Social Selling Index\t53 out of 100
        Establish your professional brand\t13,04
        Find the right people\t10,5
        Engage with insights\t8,79
        Build relationships\t20,998
        """

    static let expected = [Pillar.brand: 13_040, .find: 10_500, .engage: 8_790, .relationships: 20_998]

    @Test(arguments: [stacked, inline, commas])
    func theNumbersAreFoundInEveryLayout(text: String) throws {
        let values = try SSIPageText.parse(text)
        #expect(values.total == 53)
        #expect(values.pillarThousandths == Self.expected)
    }

    @Test func ranksAreReadWhenThePageShowsThem() throws {
        let values = try SSIPageText.parse(Self.stacked)
        #expect(values.industryRank == 3)
        #expect(values.networkRank == 12)
        #expect(try SSIPageText.parse(Self.commas).industryRank == nil)
    }

    @Test func partialTextIsRefusedSayingWhatWasFoundAndMissing() {
        let partial = "Current Social Selling Index\n53 out of 100\nEstablish your professional brand\n13.04\n"
        #expect {
            try SSIPageText.parse(partial)
        } throws: { error in
            let error = error as! SSIPageText.Unrecognized
            return error.found == ["total 53", "brand 13.040"] && error.missing == ["find", "engage", "relationships"]
        }
        #expect(throws: SSIPageText.Unrecognized.self) { try SSIPageText.parse("hello world") }
    }

    @Test func numbersThatDoNotAddUpAreRefused() {
        let wrong = Self.inline.replacingFirst("53 out of 100", with: "71 out of 100")
        #expect {
            try SSIPageText.parse(wrong)
        } throws: { error in
            (error as! SSIPageText.Unrecognized).invalid?.contains("does not match the pillars") == true
        }
    }

    @Test func valuesAreValidated() {
        #expect(throws: SnapshotValues.Invalid.self) {
            try SnapshotValues(total: 53, pillarThousandths: [.brand: 26_000, .find: 0, .engage: 0, .relationships: 0])
        }
        #expect(throws: SnapshotValues.Invalid.self) {
            try SnapshotValues(total: 53, pillarThousandths: Self.expected, industryRank: 0)
        }
        #expect(SnapshotValues.thousandths("20,998") == 20_998)
        #expect(SnapshotValues.thousandths("21") == 21_000)
        #expect(SnapshotValues.thousandths("2.1234") == nil)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
