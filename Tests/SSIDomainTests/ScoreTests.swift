import SSIDomain
import Testing

@Suite struct ScoreTests {
    @Test func aPillarMissingFromADictionaryCountsAsZero() {
        let score = Score(pillarHundredths: [.engage: 940, .find: 62])
        #expect(score == Score(brand: 0, find: 62, engage: 940, relationships: 0))
        #expect(score.totalHundredths == 1002)
        #expect(score.pillarHundredths == [.brand: 0, .find: 62, .engage: 940, .relationships: 0])
        #expect(score.description == "10.02 (brand 0.00, find 0.62, engage 9.40, relationships 0.00)")
    }

    @Test func eachPillarReadsBackItsOwnValue() {
        let score = Score(brand: 1, find: 20, engage: 300, relationships: 2500)
        #expect(Pillar.allCases.map(score.hundredths) == [1, 20, 300, 2500])
        #expect(Pillar.allCases.map(score.value) == [0.01, 0.2, 3, 25])
        #expect(Score(pillarHundredths: score.pillarHundredths) == score)
        #expect(score.total == 28.21)
    }
}
