import Foundation

/// The programs each figure is compared with, built or found in the same run: a static Swift
/// hello world (the floor of any Swift CLI's start; the same linked as a fully static executable, as the
/// release client is, for scale), a C loop of 200-byte append + fdatasync (the
/// floor of a durable log), `timew` (the quick-entry peer) and `jq` (reading every line of the file).
struct Baselines {
    let helloWorld: String
    let helloWorldStaticExecutable: String
    let appendLoop: String
    let timew: String
    let jq: String

    init(workDirectory: String) throws {
        let hello = workDirectory + "/hello.swift"
        try #"print("hello, world")"#.write(toFile: hello, atomically: true, encoding: .utf8)
        helloWorld = workDirectory + "/hello"
        ChildProcess.run("swiftc", ["-O", "-static-stdlib", hello, "-o", helloWorld], environment: [])
        helloWorldStaticExecutable = workDirectory + "/hello-static"
        ChildProcess.run(
            "swiftc", ["-O", "-static-executable", hello, "-o", helloWorldStaticExecutable], environment: [])
        let loop = workDirectory + "/append.c"
        try Self.appendLoopSource.write(toFile: loop, atomically: true, encoding: .utf8)
        appendLoop = workDirectory + "/append"
        ChildProcess.run("cc", ["-O2", loop, "-o", appendLoop])
        guard let timew = Self.find("timew"), let jq = Self.find("jq") else {
            Benchmark.fail("timew or jq missing: `make bench` installs timewarrior and jq")
        }
        self.timew = timew
        self.jq = jq
    }

    static func find(_ program: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Appends `count` records of 200 bytes to a file, each followed by fdatasync; prints nothing.
    static let appendLoopSource = #"""
        #include <fcntl.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            int fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
            if (fd < 0) return 1;
            int count = atoi(argv[2]);
            char record[200];
            memset(record, 'x', sizeof record);
            record[sizeof record - 1] = '\n';
            for (int i = 0; i < count; i++) {
                if (write(fd, record, sizeof record) != sizeof record) return 2;
                if (fdatasync(fd) != 0) return 3;
            }
            return close(fd) == 0 ? 0 : 4;
        }
        """#
}
