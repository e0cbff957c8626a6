import NIOConcurrencyHelpers

/// How many of one connection's requests are read but not yet answered, and a way to wait until
/// at most so many are. The reader holds a request back with it (one that must see every earlier
/// answer, or one past the pipeline's depth) instead of keeping the earlier requests' tasks: a task
/// kept after its answer keeps its frames' memory, and a connection that logs in a loop would keep
/// up to a pipeline's depth of them (about 5 KB each) until the next request that is not a log.
/// A request counts as answered once its answer is ready, not written: a client that sends all its
/// requests before it reads (a plain script) is served, not held back until its sends block.
final class UnansweredRequests: Sendable {
    private struct State {
        var count = 0
        var waiters: [(limit: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = NIOLockedValueBox(State())

    var count: Int { state.withLockedValue { $0.count } }
    /// Readers parked in `wait`.
    var waiting: Int { state.withLockedValue { $0.waiters.count } }

    /// Counts a request read.
    func add() { state.withLockedValue { $0.count += 1 } }

    /// Counts a request answered, and wakes whoever waits for the count it leaves.
    func answered() {
        let ready = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.count -= 1
            let count = state.count
            let ready = state.waiters.filter { count <= $0.limit }.map(\.continuation)
            state.waiters.removeAll { count <= $0.limit }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once at most `limit` requests are unanswered.
    func wait(untilAtMost limit: Int) async {
        if state.withLockedValue({ $0.count <= limit }) { return }
        await withCheckedContinuation { continuation in
            let now = state.withLockedValue { state -> Bool in
                guard state.count > limit else { return true }
                state.waiters.append((limit, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}
