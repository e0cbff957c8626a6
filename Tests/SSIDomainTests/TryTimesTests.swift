import Testing

@testable import SSIDomain

/// Try times read back as a plain list of 64-bit times would, in 32 bits while they fit and in 64
/// once one does not.
@Suite struct TryTimesTests {
    @Test func itReadsAsAListOfTimesThroughEveryChange() {
        for widenAt in [nil, 50, 900] as [Int?] {
            var random = Xorshift(seed: 0xC0FF_EE00 + UInt64(widenAt ?? 0))
            var times = TryTimes()
            var reference: [Int64] = []
            for step in 0..<1_500 {
                let time: Int64 =
                    step == widenAt
                    ? (step % 2 == 0 ? -86_400 : Int64(UInt32.max) + 1)
                    : Int64.random(in: 0...4_000_000_000, using: &random)
                switch step == widenAt ? 0 : Int.random(in: 0..<10, using: &random) {
                case 0..<6:
                    let position = Int.random(in: 0...reference.count, using: &random)
                    times.insert(time, at: position)
                    reference.insert(time, at: position)
                case 6 where !reference.isEmpty:
                    let position = Int.random(in: 0..<reference.count, using: &random)
                    times.remove(at: position)
                    reference.remove(at: position)
                default:
                    times.append(time)
                    reference.append(time)
                }
                #expect(times.count == reference.count)
                if step == widenAt {
                    #expect(reference.contains { UInt32(exactly: $0) == nil }, "a time beyond 32 bits")
                }
                if step % 97 == 0 || step == widenAt { #expect(Array(times) == reference, "step \(step)") }
            }
            #expect(Array(times) == reference)
            var rebuilt = TryTimes()
            rebuilt.reserveCapacity(reference.count)
            for time in reference { rebuilt.append(time) }
            #expect(rebuilt == times, "equal whichever way the times are held")
        }
    }
}
