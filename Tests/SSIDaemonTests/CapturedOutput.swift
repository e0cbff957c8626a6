import Foundation

/// A child's stdout or stderr captured in a temporary file rather than a pipe: tests run in
/// parallel, and a pipe's write end inherited by another test's long-lived daemon would keep a
/// reader waiting for EOF until that daemon exits.
final class CapturedOutput: @unchecked Sendable {
    let path: String
    let handle: FileHandle

    init() throws {
        var template = Array("/tmp/ssioXXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw DaemonHarness.Failure(description: "mkstemp failed") }
        path = String(cString: template)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit { unlink(path) }

    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
}
