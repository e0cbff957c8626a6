import Testing

@testable import SSIDomain

/// A slot's points are kept in 32 bits until one does not fit; then in 64, with the same answers.
@Suite struct SlotSeriesTests {
    @Test func pointsPastThirtyTwoBitsReadBackAsAdded() {
        var series = SlotSeries()
        var reference: [Int64: Milli] = [:]
        let amounts: [Milli] = [1_000, -1_000, 2_500, Milli(Int32.max), 1, -1, Milli(Int32.min) - 5, 7]
        for (step, amount) in amounts.enumerated() {
            let seconds = Int64(step % 3) * 900 + 1_764_000_000
            series.add(amount, at: seconds)
            reference[SlotSeries.slot(of: seconds), default: 0] += amount
            if reference[SlotSeries.slot(of: seconds)] == 0 { reference[SlotSeries.slot(of: seconds)] = nil }
            let expected = reference.sorted { $0.key < $1.key }
            #expect(series.slots.map(Int64.init) == expected.map(\.key), "step \(step)")
            #expect(series.values == expected.map(\.value), "step \(step)")
        }
        // The same points kept narrow and wide are equal, and decay alike.
        var narrow = SlotSeries()
        var wide = SlotSeries()
        wide.add(Milli(Int32.max) + 1, at: 0)
        wide.add(-(Milli(Int32.max) + 1), at: 0)
        for (slot, value) in [(Int32(1), Milli(40)), (2, -3)] {
            narrow.append(slot: slot, value: value)
            wide.append(slot: slot, value: value)
        }
        #expect(narrow == wide)
        let model = TestModel.lisbon
        #expect(narrow.decayedPoints(at: 3 * 900, model: model) == wide.decayedPoints(at: 3 * 900, model: model))
    }
}
