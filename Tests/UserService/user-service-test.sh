#!/usr/bin/env bash
# The installed user service under a real `systemd --user`, end to end: `make install` into a
# throwaway user's home, `systemctl --user enable --now ssi-logd.socket`, the first `ssi-log`
# starts the service (socket activation), READY=1 with its STATUS line, reload, `kill -9` of the
# main process restarted by Restart=, stop. Runs as root (it creates the user and the manager's
# cgroups); every process it starts is stopped and every file it creates outside the user's home
# is removed. Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

user=ssilogsvc
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

if [ "$(id -u)" != 0 ]; then
    echo "user-service-test: needs root (it creates a user and delegates cgroups to its manager)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
for tool in /lib/systemd/systemd systemctl systemd-run runuser unshare python3 help2man; do
    command -v "$tool" >/dev/null || { echo "user-service-test: $tool is missing" >&2; echo "0 passed, 1 failed"; exit 1; }
done

id -u "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
uid=$(id -u "$user")
home=$(getent passwd "$user" | cut -d: -f6)
runtime=/run/user/$uid
as_user() { (cd / && runuser -u "$user" -- env HOME="$home" XDG_RUNTIME_DIR="$runtime" PATH="$home/.local/bin:/usr/bin:/bin" "$@"); }
systemctl_user() { as_user systemctl --user "$@"; }

created=()
manager=""
cleanup() {
    if [ -n "$manager" ] && kill -0 "$manager" 2>/dev/null; then
        systemctl_user exit >/dev/null 2>&1
        for _ in $(seq 1 50); do kill -0 "$manager" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$manager" 2>/dev/null
    fi
    pkill -KILL -u "$user" 2>/dev/null
    for hierarchy in unified systemd; do
        [ -d "/sys/fs/cgroup/$hierarchy/$user-mgr" ] && find "/sys/fs/cgroup/$hierarchy/$user-mgr" -depth -type d -exec rmdir {} \; 2>/dev/null
    done
    for path in "${created[@]}"; do rm -rf "$path"; done
    rm -rf "$runtime"
    userdel -r "$user" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# What a booted system has and this machine (no system manager) lacks, created only when missing
# and removed afterwards: the "booted with systemd" marker the user manager checks for, and the
# directory PID 1 creates for setting up unit mount namespaces. Without the latter every sandbox
# option that needs a mount namespace fails with 226/NAMESPACE.
for path in /run/systemd/system /run/systemd/unit-root; do
    [ -d "$path" ] || { mkdir -p "$path" && created+=("$path"); }
done
install -d -m 0700 -o "$user" -g "$user" "$runtime"

# Build once, install the debug build into the user's home as `make install` does for anyone.
env -u XDG_CONFIG_HOME -u XDG_STATE_HOME HOME="$home" make --no-print-directory install CONFIGURATION=debug \
    >/tmp/ssi-user-service-install.log 2>&1 || tail -n 20 /tmp/ssi-user-service-install.log
check "make install into $home" test -x "$home/.local/bin/ssi-logd" -a -f "$home/.config/systemd/user/ssi-logd.service"
check "man pages installed" test -f "$home/.local/share/man/man1/ssi-log-score.1"
chown -R "$user:$user" "$home"
# The debug binaries load the Swift runtime from the toolchain: the user must be able to read it.
chmod -R o+rX "$repo/.build/debug" 2>/dev/null || true

# The manager gets its own cgroups (as user@.service would) and its own mount namespace in which
# /run is a mount point: on this machine /run is a plain directory of the root file system, and
# systemd 252 mounts a fresh tmpfs over /run for a sandboxed unit when /run is not a mount point
# (MountAPIVFS, implied by ProtectKernelTunables=/ProtectControlGroups= under PrivateUsers=),
# which hides the manager's $NOTIFY_SOCKET: READY=1 then never arrives. A booted desktop has /run
# as a tmpfs mount, so the shipped unit needs no change for it. The bind mount is seen only by
# the manager and its services, and shows the same files.
for hierarchy in unified systemd; do
    mkdir -p "/sys/fs/cgroup/$hierarchy/$user-mgr"
    chown -R "$user" "/sys/fs/cgroup/$hierarchy/$user-mgr"
done
(
    echo "$BASHPID" >"/sys/fs/cgroup/unified/$user-mgr/cgroup.procs"
    echo "$BASHPID" >"/sys/fs/cgroup/systemd/$user-mgr/cgroup.procs"
    cd /
    exec unshare --mount --propagation slave sh -c 'mount --bind /run /run && exec "$0" "$@"' \
        runuser -u "$user" -- env -i HOME="$home" XDG_RUNTIME_DIR="$runtime" PATH=/usr/bin:/bin \
        setsid /lib/systemd/systemd --user
) >/tmp/ssi-user-service-manager.log 2>&1 &
manager=$!
state=""
for _ in $(seq 1 100); do
    state=$(systemctl_user is-system-running 2>/dev/null)
    case "$state" in running | degraded) break ;; esac
    sleep 0.1
done
check "systemd --user is up ($state)" test "$state" = running -o "$state" = degraded

# Probe the unit's namespace options with a transient Type=notify unit: an option this machine
# refuses to every program is dropped in a drop-in the test writes for itself, and said so.
notify_probe='import os, socket; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.connect(os.environ["NOTIFY_SOCKET"]); s.send(b"READY=1")'
dropped=()
for option in PrivateTmp PrivateDevices PrivateMounts PrivateNetwork ProtectKernelTunables ProtectKernelModules \
    ProtectKernelLogs ProtectControlGroups ProtectClock ProtectHostname; do
    if ! timeout 20 runuser -u "$user" -- env XDG_RUNTIME_DIR="$runtime" systemd-run --user --wait --quiet \
        -p Type=notify -p PrivateUsers=yes -p "$option=yes" /usr/bin/python3 -c "$notify_probe" >/dev/null 2>&1; then
        dropped+=("$option")
    fi
done
if [ ${#dropped[@]} -gt 0 ]; then
    echo "this machine refuses to every program: ${dropped[*]}; dropping exactly those in a test drop-in"
    mkdir -p "$home/.config/systemd/user/ssi-logd.service.d"
    for option in "${dropped[@]}"; do echo "$option=no"; done | sed '1i [Service]' \
        >"$home/.config/systemd/user/ssi-logd.service.d/test-machine.conf"
    chown -R "$user:$user" "$home/.config/systemd/user/ssi-logd.service.d"
else
    echo "every sandbox option of the unit works here: the shipped unit runs unchanged"
fi

systemctl_user daemon-reload
check "enable --now ssi-logd.socket" systemctl_user enable --now --quiet ssi-logd.socket
check "socket listening, service not started yet" test "$(systemctl_user is-active ssi-logd.service)" = inactive

first=$(as_user ssi-log comment "first through socket activation" 2>&1)
check "the first ssi-log starts the service and is answered: $first" test $? -eq 0
state=$(systemctl_user is-active ssi-logd.service)
check "service active after READY=1 ($state)" test "$state" = active
status=$(systemctl_user status ssi-logd.service --no-pager 2>&1)
check "status shows the STATUS line" grep -Eq 'Status: "[0-9]+ records?, score [0-9]+\.[0-9]{2}"' <<<"$status"

check "systemctl --user reload" systemctl_user reload ssi-logd.service
check "active after reload" test "$(systemctl_user is-active ssi-logd.service)" = active

old_pid=$(systemctl_user show -p MainPID --value ssi-logd.service)
# Never `kill 0`: with no main process there is nothing to kill, and the check below fails.
[ "${old_pid:-0}" -gt 0 ] && kill -KILL "$old_pid"
new_pid=0
for _ in $(seq 1 100); do
    new_pid=$(systemctl_user show -p MainPID --value ssi-logd.service)
    [ "$(systemctl_user is-active ssi-logd.service)" = active ] && [ "$new_pid" != 0 ] && [ "$new_pid" != "$old_pid" ] && break
    sleep 0.1
done
check "kill -9 of $old_pid: restarted by Restart= as $new_pid" test "$new_pid" != 0 -a "$new_pid" != "$old_pid"
score=$(as_user ssi-log score --json 2>&1)
check "the restarted service replayed the journal: $score" grep -q '"total":6.97' <<<"$score"
check "journal in the state directory" test -s "$home/.local/state/ssi-log/journal.jsonl"

check "stop" systemctl_user stop ssi-logd.service ssi-logd.socket
check "inactive after stop" test "$(systemctl_user is-active ssi-logd.service)" = inactive

if [ "$failed" -gt 0 ]; then
    echo "--- manager log"; tail -n 30 /tmp/ssi-user-service-manager.log
    echo "--- service journal"; journalctl --no-pager -n 30 _UID="$uid" 2>/dev/null | tail -n 30
fi
echo "user-service: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
