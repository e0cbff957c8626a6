import NIOCore

/// Splits the byte stream into newline-terminated request lines of at most `maxLength` bytes, and
/// closes a connection whose partial line is not finished within `frameTimeout` (a trickling client
/// must not hold a slot forever).
final class LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = RequestFrame

    let maxLength: Int
    let frameTimeout: TimeAmount
    private var refused = false
    private var deadline: Scheduled<Void>?

    init(maxLength: Int, frameTimeout: TimeAmount) {
        self.maxLength = maxLength
        self.frameTimeout = frameTimeout
    }

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if refused {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maxLength {
                refuse(context: context, buffer: &buffer)
            } else if buffer.readableBytes > 0, deadline == nil {
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                deadline = context.eventLoop.scheduleTask(in: frameTimeout) { loopBound.value.close(promise: nil) }
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= maxLength else {
            refuse(context: context, buffer: &buffer)
            return .needMoreData
        }
        var line = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        if line.readableBytesView.last == UInt8(ascii: "\r") { line.moveWriterIndex(to: line.writerIndex - 1) }
        deadline?.cancel()
        deadline = nil
        context.fireChannelRead(wrapInboundOut(.line(line)))
        return .continue
    }

    private func refuse(context: ChannelHandlerContext, buffer: inout ByteBuffer) {
        refused = true
        deadline?.cancel()
        deadline = nil
        buffer.moveReaderIndex(to: buffer.writerIndex)
        context.fireChannelRead(wrapInboundOut(.oversized))
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        deadline?.cancel()
        deadline = nil
        while try decode(context: context, buffer: &buffer) == .continue {}
        // A last request without its newline is still answered: `printf '{…}' | socat` works.
        if !refused, buffer.readableBytes > 0, let line = buffer.readSlice(length: buffer.readableBytes) {
            context.fireChannelRead(wrapInboundOut(.line(line)))
        }
        return .needMoreData
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
