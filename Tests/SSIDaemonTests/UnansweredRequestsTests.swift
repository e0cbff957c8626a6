import Testing

@testable import SSIDaemon

/// The reader's hold on a connection: a wait returns at once under its limit, and otherwise only
/// once enough earlier requests are answered.
@Suite struct UnansweredRequestsTests {
    @Test func aWaitUnderItsLimitReturnsAtOnce() async {
        let unanswered = UnansweredRequests()
        await unanswered.wait(untilAtMost: 0)
        unanswered.add()
        unanswered.add()
        await unanswered.wait(untilAtMost: 2)
        #expect(unanswered.count == 2)
    }

    @Test func aWaitEndsWhenEnoughAreAnsweredAndNotBefore() async {
        let unanswered = UnansweredRequests()
        for _ in 0..<3 { unanswered.add() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await unanswered.wait(untilAtMost: 0) }
            group.addTask { await unanswered.wait(untilAtMost: 1) }
            // Both readers must be parked before the answers come, or the test proves nothing.
            while unanswered.waiting < 2 { await Task.yield() }
            // `answered` releases waiters as it counts, so what is parked after each is exact.
            unanswered.answered()
            #expect(unanswered.waiting == 2, "two left unanswered: nobody may go on")
            unanswered.answered()
            #expect(unanswered.waiting == 1, "one left: the reader waiting for at most one goes on")
            unanswered.answered()
            #expect(unanswered.waiting == 0)
        }
        #expect(unanswered.count == 0)
    }
}
