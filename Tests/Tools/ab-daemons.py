#!/usr/bin/env python3
"""Compares two builds of ssi-logd (and their ssi-log) on a noisy machine: both daemons run side by
side on fresh state directories and the requests alternate between them, so that both see the same
minutes of the machine. Usage: ab-daemons.py DIR_A DIR_B [ROUNDS], each DIR holding ssi-logd and
ssi-log (for example two copies of .build/release). Prints, per figure, the medians and B/A:
a fresh connection's `status` and `log` round trips, and `ssi-log comment x` from exec to exit."""
import json, os, shutil, socket, statistics, subprocess, sys, tempfile, time

dirs = sys.argv[1:3]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
work = tempfile.mkdtemp(prefix="ab", dir="/tmp")  # short: socket paths are limited to 108 bytes
daemons, sockets = [], []
for index, directory in enumerate(dirs):
    state, notify, path = f"{work}/s{index}", f"{work}/n{index}", f"{work}/d{index}"
    os.makedirs(state)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(notify)
    environment = dict(os.environ, NOTIFY_SOCKET=notify, XDG_CONFIG_HOME=f"{work}/none")
    daemons.append(subprocess.Popen(
        [f"{directory}/ssi-logd", "--state-dir", state, "--socket", path, "--log-target", "stderr"],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    while "READY=1" not in listener.recv(4096).decode().split("\n"):  # readiness, not a sleep
        pass
    sockets.append(path)


def round_trip(path, operation):
    request = {"v": 1, "id": os.urandom(16).hex(), "op": operation}
    if operation == "log":
        request["action"] = "comment"
    started = time.perf_counter()
    connection = socket.socket(socket.AF_UNIX)
    connection.connect(path)
    connection.sendall((json.dumps(request) + "\n").encode())
    answer = b""
    while not answer.endswith(b"\n"):
        chunk = connection.recv(65536)
        assert chunk, "the daemon closed the connection"
        answer += chunk
    connection.close()
    assert b'"result"' in answer, answer
    return (time.perf_counter() - started) * 1000


def quick_entry(directory, path):
    started = time.perf_counter()
    pid = os.posix_spawn(
        f"{directory}/ssi-log", ["ssi-log", "comment", "x"], dict(os.environ, SSI_LOG_SOCKET=path),
        file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
    _, status = os.waitpid(pid, 0)
    assert status == 0, f"ssi-log exited with {status}"
    return (time.perf_counter() - started) * 1000


figures = {(side, name): [] for side in (0, 1) for name in ("status", "log", "comment x")}
try:
    for number in range(rounds):
        for side in (0, 1) if number % 2 == 0 else (1, 0):
            figures[(side, "status")].append(round_trip(sockets[side], "status"))
            figures[(side, "log")].append(round_trip(sockets[side], "log"))
            figures[(side, "comment x")].append(quick_entry(dirs[side], sockets[side]))
    for name in ("status", "log", "comment x"):
        a, b = (statistics.median(figures[(side, name)]) for side in (0, 1))
        print(f"{name:10} A {a:.3f} ms  B {b:.3f} ms  B/A {b / a:.2f}")
finally:
    for daemon in daemons:
        daemon.terminate()
        daemon.wait()
    shutil.rmtree(work)
