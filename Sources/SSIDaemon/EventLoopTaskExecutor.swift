import NIOCore

/// Runs a task's jobs on one NIO event loop: a connection's tasks, the store's actor and the
/// channel's I/O then share one thread, where each hop between them through Swift's global pool
/// would wake another thread (tens to hundreds of microseconds each on a small virtual machine).
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        loop.enqueue(job)
    }
}
