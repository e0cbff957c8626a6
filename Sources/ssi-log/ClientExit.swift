import ArgumentParser
import SSIJSON
import SSIProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// Sends a request and turns every failure into a message on stderr and a sysexits code.
enum ClientExit {
    static let rejectedInput: Int32 = 65
    static let unreachable: Int32 = 69
    static let ioError: Int32 = 74

    static func perform(_ operation: Request.Operation, options: ClientOptions) throws -> JSONValue {
        let connection = connect(options: options)
        defer { connection.close() }
        let response = exchange(Request(id: randomID(), operation: operation), on: connection, options: options)
        if let error = response["error"] {
            let code = error["code"]?.stringValue.flatMap(ErrorCode.init(rawValue:)) ?? .internalError
            let message = error["message"]?.stringValue ?? "unknown error"
            if options.json { print(JSONValue.object([("error", error)]).serialized()) }
            printError("ssi-log: \(message)")
            throw ExitCode(code.exitCode)
        }
        guard let result = response["result"] else {
            fail("ssi-log: response without a result", code: 1, options: options, errorCode: "internal")
        }
        if options.json { print(result.serialized()) }
        return result
    }

    /// Connects to the daemon, or exits 69 with how to start it.
    static func connect(options: ClientOptions) -> DaemonConnection {
        do throws(DaemonConnection.Failure) {
            return try DaemonConnection(path: DefaultPaths.socket(explicit: options.socket))
        } catch {
            fail(error, options: options)
        }
    }

    /// One request and its response line, or exit 69 or 74.
    static func exchange(_ request: Request, on connection: DaemonConnection, options: ClientOptions) -> JSONValue {
        do throws(DaemonConnection.Failure) {
            return try connection.exchange(request)
        } catch {
            fail(error, options: options)
        }
    }

    static func fail(_ failure: DaemonConnection.Failure, options: ClientOptions) -> Never {
        switch failure {
        case .unreachable(let path, let reason):
            fail(
                """
                ssi-log: cannot reach ssi-logd at \(path) (\(reason)).
                Start it with `systemctl --user start ssi-logd.socket` (after `make install`), or run `make run` \
                (or `ssi-logd`) in another terminal.
                """, code: unreachable, options: options, errorCode: "unreachable")
        case .io(let message):
            fail("ssi-log: \(message)", code: ioError, options: options, errorCode: "io_error")
        }
    }

    static func fail(_ message: String, code: Int32, options: ClientOptions, errorCode: String) -> Never {
        if options.json {
            print(
                JSONValue.object([
                    ("error", .object([("code", .string(errorCode)), ("message", .string(message))]))
                ]).serialized())
        }
        printError(message)
        exit(code)
    }

    static func printError(_ message: String) {
        var bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
