import Logging
import NIOCore
import NIOPosix
import SSIConfig
import SSIProtocol
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// The accept loop: one task per connection in a discarding task group; a connection's failure is
/// caught and logged, never taken to the server.
public struct SocketServer: Service {
    let endpoint: ListenEndpoint
    let router: RequestRouter
    let settings: DaemonSettings
    let logger: Logger
    /// Called once the listener is bound or adopted: the daemon is ready.
    let onListening: @Sendable () -> Void

    public init(
        endpoint: ListenEndpoint, router: RequestRouter, settings: DaemonSettings, logger: Logger,
        onListening: @escaping @Sendable () -> Void
    ) {
        self.endpoint = endpoint
        self.router = router
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        // The listener, every connection and every connection's tasks run on the store's loop
        // (`EventStore.loop`): a request reaches the store and its answer the socket without
        // waking another thread.
        try await withTaskExecutorPreference(router.store.loopExecutor) { try await acceptConnections() }
    }

    func acceptConnections() async throws {
        let server = try await bind()
        onListening()
        let connections = ConnectionRegistry()
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await accepted in inbound {
                        switch accepted {
                        case .refused(let channel, let peer):
                            logger.warning(
                                "refused a connection from another user",
                                metadata: ["peer_uid": "\(peer.uid)", "peer_pid": "\(peer.pid)"])
                            let line = Response.failure(
                                id: nil,
                                ProtocolError(.permissionDenied, "permission denied: ssi-logd serves only its own user")
                            )
                            channel.writeAndFlush(ByteBuffer(string: line + "\n")).whenComplete { _ in
                                channel.close(promise: nil)
                            }
                        case .served(let connection):
                            guard connections.admit(connection.channel, limit: settings.maxConnections) else {
                                logger.warning(
                                    "too many connections; refusing one",
                                    metadata: ["limit": "\(settings.maxConnections)"])
                                let line = Response.failure(
                                    id: nil, ProtocolError(.temporary, "too many connections; retry later"))
                                connection.channel.writeAndFlush(ByteBuffer(string: line + "\n")).whenComplete { _ in
                                    connection.channel.close(promise: nil)
                                }
                                continue
                            }
                            group.addTask {
                                await serve(connection, connections: connections)
                                connections.remove(connection.channel)
                            }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
            connections.shutDown()
        }
    }

    func bind() async throws -> NIOAsyncChannel<AcceptedConnection, Never> {
        let idle = TimeAmount.seconds(Int64(settings.idleTimeoutSeconds))
        let frame = TimeAmount.seconds(Int64(settings.frameTimeoutSeconds))
        let bootstrap = ServerBootstrap(group: router.store.loop)
            .serverChannelOption(.backlog, value: 256)
            // A client that half-closes after its requests (`printf … | socat`, `nc -N`) still gets
            // every answer: end of input ends the request loop, not the connection.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (Channel) -> EventLoopFuture<AcceptedConnection> = { channel in
            PeerCredentials.of(channel).recover { _ in PeerCredentials() }.flatMapThrowing { peer in
                guard peer.uid == getuid() else { return .refused(channel, peer) }
                try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                try channel.pipeline.syncOperations.addHandler(IdleConnectionCloser())
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maxLength: Request.maxBytes, frameTimeout: frame)))
                return .served(
                    try NIOAsyncChannel<RequestFrame, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: false)))
            }
        }
        switch endpoint {
        case .activated(let fd):
            return try await bootstrap.bind(fd, childChannelInitializer: initializer)
        case .path(let path):
            try ListenEndpoint.prepare(path: path)
            let server = try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
            chmod(path, 0o600)
            return server
        }
    }

    /// Requests one connection may have in flight (pipelined `log`s waiting for the same sync).
    static let pipelineDepth = 256

    /// Serves one connection. `log` requests are pipelined: the next request is read as soon as this
    /// one has entered the store's queue, so a client that sends many (an import) gets them
    /// group-committed. Any other request waits until every earlier one is answered, so it sees
    /// their effect. Responses are written in request order.
    func serve(_ connection: NIOAsyncChannel<RequestFrame, ByteBuffer>, connections: ConnectionRegistry) async {
        let channel = connection.channel
        do {
            try await connection.executeThenClose { inbound, outbound in
                // Answers as they are ready, with their request's place; written in request order.
                // No request's task is kept: a kept task keeps its frames (about 5 KB) until released.
                let (answers, answer) = AsyncStream.makeStream(of: (place: Int, text: String).self)
                let unanswered = UnansweredRequests()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        var early: [Int: String] = [:]
                        var next = 0
                        for await ready in answers {
                            early[ready.place] = ready.text
                            while let text = early.removeValue(forKey: next) {
                                try await outbound.write(ByteBuffer(string: text + "\n"))
                                next += 1
                                guard connections.endRequest(channel) else { return }
                            }
                        }
                    }
                    defer { answer.finish() }
                    // Each request enters the store after the one before it: a chain of admissions
                    // keeps the order without making the reader wait for any of them.
                    var previous: Admission?
                    var place = 0
                    for try await frame in inbound {
                        defer { place += 1 }
                        switch frame {
                        case .line(let line):
                            guard connections.beginRequest(channel) else { return }
                            let pipelined = Request.isLog(line.readableBytesView)
                            await unanswered.wait(untilAtMost: pipelined ? Self.pipelineDepth - 1 : 0)
                            unanswered.add()
                            let admission = Admission()
                            let router = self.router
                            let (after, ownPlace) = (previous, place)
                            Task(executorPreference: router.store.loopExecutor) {
                                await after?.wait()
                                let response = await router.respond(to: line.readableBytesView, admission: admission)
                                admission.admit()
                                answer.yield((ownPlace, response))
                                unanswered.answered()
                            }
                            previous = admission
                        case .oversized:
                            await unanswered.wait(untilAtMost: 0)
                            // Counted like any answer: the writer ends one request per answer written.
                            _ = connections.beginRequest(channel)
                            let response = Response.failure(
                                id: nil,
                                ProtocolError(.badRequest, "request larger than 64 KiB; closing the connection"))
                            answer.yield((place, response))
                            return
                        }
                    }
                    // The input ended (a client that half-closes after its requests): every answer
                    // still on its way must reach the stream before it finishes.
                    await unanswered.wait(untilAtMost: 0)
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }
}
