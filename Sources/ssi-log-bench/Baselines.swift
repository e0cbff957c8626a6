import Foundation

/// The programs each figure is compared with, built or found in the same run: a static Swift
/// hello world (the floor of any Swift CLI's start; the same linked as a fully static executable, as the
/// release client is, for scale), a C loop of 200-byte append + fdatasync (the
/// floor of a durable log), a C group-commit server (the most any server can acknowledge here),
/// `timew` (the quick-entry peer) and `jq` (reading every line of the file).
struct Baselines {
    let helloWorld: String
    let helloWorldStaticExecutable: String
    let appendLoop: String
    let groupCommitServer: String
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
        let server = workDirectory + "/server.c"
        try Self.groupCommitServerSource.write(toFile: server, atomically: true, encoding: .utf8)
        groupCommitServer = workDirectory + "/server"
        ChildProcess.run("cc", ["-O2", server, "-o", groupCommitServer])
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

    /// `server FILE SOCKET`: the least a durable log server can do per request, to show what this
    /// machine allows the throughput rows. One thread on epoll; every line read from any client
    /// appends a 200-byte record; once a wake-up's reads are done, one write and one fdatasync for
    /// them all, then an answer per line. No parsing, no validation, no score, no journald entry.
    /// Sends READY=1 on `$NOTIFY_SOCKET` once it listens; exits 0 on SIGTERM.
    static let groupCommitServerSource = #"""
        #define _GNU_SOURCE
        #include <errno.h>
        #include <fcntl.h>
        #include <signal.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/epoll.h>
        #include <sys/socket.h>
        #include <sys/un.h>
        #include <unistd.h>
        #define MAX_FD 4096
        static int owed[MAX_FD];
        static void stop(int signal) { (void)signal; _exit(0); }
        static int bound(int fd, const char *path) {
            struct sockaddr_un address = {.sun_family = AF_UNIX};
            strncpy(address.sun_path, path, sizeof address.sun_path - 1);
            return bind(fd, (struct sockaddr *)&address, sizeof address);
        }
        int main(int argc, char **argv) {
            if (argc != 3) return 64;
            signal(SIGTERM, stop);
            int file = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
            int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            unlink(argv[2]);
            if (file < 0 || listener < 0 || bound(listener, argv[2]) || listen(listener, 128)) return 1;
            int poll = epoll_create1(EPOLL_CLOEXEC);
            struct epoll_event watch = {.events = EPOLLIN, .data.fd = listener};
            if (epoll_ctl(poll, EPOLL_CTL_ADD, listener, &watch)) return 1;
            const char *notify = getenv("NOTIFY_SOCKET");
            if (notify) {
                int datagram = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
                struct sockaddr_un to = {.sun_family = AF_UNIX};
                strncpy(to.sun_path, notify, sizeof to.sun_path - 1);
                sendto(datagram, "READY=1", 7, 0, (struct sockaddr *)&to, sizeof to);
                close(datagram);
            }
            static char batch[1 << 22], input[1 << 16];
            static const char answer[] = "{\"ok\":true}\n";
            struct epoll_event events[256];
            int waiting[256];
            for (;;) {
                int count = epoll_wait(poll, events, 256, -1);
                if (count < 0 && errno == EINTR) continue;
                if (count < 0) return 2;
                size_t used = 0;
                int answering = 0;
                for (int i = 0; i < count; i++) {
                    int fd = events[i].data.fd;
                    if (fd == listener) {
                        int client;
                        while ((client = accept4(listener, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                            struct epoll_event readable = {.events = EPOLLIN, .data.fd = client};
                            if (client >= MAX_FD || epoll_ctl(poll, EPOLL_CTL_ADD, client, &readable)) close(client);
                        }
                        continue;
                    }
                    ssize_t got = read(fd, input, sizeof input);
                    if (got == 0 || (got < 0 && errno != EAGAIN)) { close(fd); owed[fd] = 0; continue; }
                    int lines = 0;
                    for (ssize_t k = 0; k < got; k++) lines += input[k] == '\n';
                    if (lines > 0 && owed[fd] == 0) waiting[answering++] = fd;
                    owed[fd] += lines;
                    for (int line = 0; line < lines && used + 200 <= sizeof batch; line++) {
                        memset(batch + used, 'x', 199);
                        batch[used + 199] = '\n';
                        used += 200;
                    }
                }
                if (used > 0 && (write(file, batch, used) != (ssize_t)used || fdatasync(file) != 0)) return 3;
                for (int i = 0; i < answering; i++)
                    for (int fd = waiting[i]; owed[fd] > 0; owed[fd]--)
                        send(fd, answer, sizeof answer - 1, MSG_NOSIGNAL);
            }
        }
        """#
}
