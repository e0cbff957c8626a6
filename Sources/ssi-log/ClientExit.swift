import ArgumentParser
import SSIJSON
import SSIJournal
import SSIProtocol
import SSISystem

#if canImport(Glibc)
    import Glibc
#endif

/// Sends a request and turns every failure into a message on stderr and a sysexits code.
enum ClientExit {
    static let rejectedInput: Int32 = 65
    static let unreachable: Int32 = 69
    static let ioError: Int32 = 74

    /// Sends one operation and reads its typed result; with `--json`, prints the result object.
    static func perform<Result: WireResult>(
        _ operation: Request.Operation, as type: Result.Type = Result.self, options: ClientSettings
    ) throws -> Result {
        let connection = connect(options: options)
        defer { connection.close() }
        let response = exchange(Request(id: randomID(), operation: operation), on: connection, options: options)
        let result: Result
        do throws(ProtocolError) {
            result = try read(response, as: Result.self)
        } catch {
            if options.json {
                print(
                    JSONValue.object([
                        (
                            "error",
                            .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])
                        )
                    ]).serialized())
            }
            printError("ssi-log: \(error.message)")
            throw ExitCode(error.code.exitCode)
        }
        if options.json { print(result.json.serialized()) }
        return result
    }

    /// A response line's typed result, or the error it carries (the daemon's, or an unreadable one).
    static func read<Result: WireResult>(_ response: JSONValue, as type: Result.Type) throws(ProtocolError) -> Result {
        if let error = response["error"] {
            let code = error["code"]?.stringValue.flatMap(ErrorCode.init(rawValue:)) ?? .internalError
            throw ProtocolError(code, error["message"]?.stringValue ?? "unknown error")
        }
        guard let result = response["result"] else { throw ProtocolError(.internalError, "response without a result") }
        return try Result(json: result)
    }

    /// A journal read offline, read-only, every record's checksum verified; exit 74 when unreadable.
    static func scanJournal(_ path: String) throws -> JournalScan {
        do {
            return try JournalVerification.scanFile(path)
        } catch {
            printError("ssi-log: \(error.description)")
            throw ExitCode(ioError)
        }
    }

    /// Connects to the daemon, or exits 69 with how to start it.
    static func connect(options: ClientSettings) -> DaemonConnection {
        do throws(DaemonConnection.Failure) {
            return try DaemonConnection(path: DefaultPaths.socket(explicit: options.socket))
        } catch {
            fail(error, options: options)
        }
    }

    /// One request and its response line, or exit 69 or 74.
    static func exchange(_ request: Request, on connection: DaemonConnection, options: ClientSettings) -> JSONValue {
        do throws(DaemonConnection.Failure) {
            return try connection.exchange(request)
        } catch {
            fail(error, options: options)
        }
    }

    /// The next pipelined response, or exit 69 or 74.
    static func receive(on connection: DaemonConnection, options: ClientSettings) -> JSONValue {
        do throws(DaemonConnection.Failure) {
            return try connection.receive()
        } catch {
            fail(error, options: options)
        }
    }

    static func fail(_ failure: DaemonConnection.Failure, options: ClientSettings) -> Never {
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

    static func fail(_ message: String, code: Int32, options: ClientSettings, errorCode: String) -> Never {
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
        Hex.randomID() + Hex.randomID()
    }
}
