#!/usr/bin/env bash
# bench-rss.sh — cnictl's peak memory when a plugin floods stdout or stderr.
#
# Runs `cnictl --cni-conf-dir D --cni-bin-dir B add NET NS` against three one-line shell
# plugins: one that writes 200 MB to stdout and exits 0 (ADD then fails: not a result), one
# that writes 200 MB to stderr and exits 1, and a quiet one (reads stdin, writes nothing,
# exits 0) as the baseline. Reports the peak resident set size of each run; the target is
# under 16 MiB, whatever a plugin writes.
#
# How the peak is measured: with /usr/bin/time (GNU time), its %M, the kernel's ru_maxrss
# for the waited process, which is the larger of cnictl's peak and that of any process it
# waited for (here a shell, head and tr, a few MiB each): an upper bound on cnictl's own.
# Without /usr/bin/time, VmHWM (the kernel's own high-water mark of cnictl alone) read from
# /proc/PID/status in a tight loop until the process exits; it only grows, so the last read
# misses at most what was allocated in the last instant.
#
# Runs in private mount and network namespaces (`unshare`) with tmpfs on /run and
# /var/lib/cni; the namespace and the cache are throwaway. Run as root.
#
# Usage: scripts/bench-rss.sh      CNICTL=path overrides the binary
# Exits 1 if any peak is 16 MiB or more (or a run did not end as expected).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-rss: $*" >&2; exit 1; }
case ${1:-} in
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; exit 2 ;;
esac

readonly LIMIT_KIB=$((16 * 1024)) BYTES=200000000

if [[ -z ${BENCH_RSS_INNER:-} ]]; then
    ((EUID == 0)) || die "needs root (namespaces, mounts)"
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    # shellcheck source=scripts/lib-bench.sh
    source "$root/scripts/lib-bench.sh"
    bench_binary
    export BENCH_RSS_INNER=1 CNICTL
    exec unshare --mount --net bash "$root/scripts/bench-rss.sh"
fi

mount --make-rprivate /
for dir in /run /var/lib/cni; do mount -t tmpfs -o mode=0755 bench "$dir"; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf" "$work/bin" "$work/cache"

plugin() {
    printf '#!/bin/sh\ncat >/dev/null\n%s\n' "$2" >"$work/bin/$1"
    chmod +x "$work/bin/$1"
    printf '{"cniVersion": "1.0.0", "name": "%s", "type": "%s"}\n' "$1" "$1" >"$work/conf/$1.conf"
}
plugin flood-stdout "head -c $BYTES /dev/zero | tr '\\0' x; exit 0"
plugin flood-stderr "head -c $BYTES /dev/zero | tr '\\0' x >&2; exit 1"
plugin quiet "exit 0"
"$CNICTL" netns create bench-rss >/dev/null

if [[ -x /usr/bin/time ]]; then
    method="GNU time %M (ru_maxrss)"
else
    method="VmHWM polled from /proc/PID/status"
fi

# The peak RSS in KiB of one cnictl add against network $1 in KIB, cnictl's exit in RC.
peak_kib() {
    local net=$1 pid hwm=0 line
    local -a cmd=("$CNICTL" --cni-conf-dir "$work/conf" --cni-bin-dir "$work/bin"
        --cache-dir "$work/cache" add "$net" bench-rss)
    RC=0
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f %M -o "$work/time" "${cmd[@]}" >"$work/out" 2>"$work/err" || RC=$?
        KIB=$(tail -n 1 "$work/time")
    else
        "${cmd[@]}" >"$work/out" 2>"$work/err" &
        pid=$!
        while [[ -r /proc/$pid/status ]]; do
            while read -r line; do
                [[ $line == VmHWM:* ]] && { line=${line#VmHWM:}; hwm=${line%kB}; hwm=${hwm// /}; }
            done <"/proc/$pid/status" 2>/dev/null || true
            [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]] && break
        done
        wait "$pid" || RC=$?
        KIB=$hwm
    fi
}

declare -A mib
fail=0
for net in flood-stdout flood-stderr quiet; do
    peak_kib "$net"
    # What each run must end with: a protocol error (4) for 200 MB of non-JSON on stdout, the
    # plugin's failure (1) for exit 1, and the empty result of the quiet one (4).
    case $net in flood-stderr) want=1 ;; *) want=4 ;; esac
    if ((RC != want)); then
        echo "bench-rss: $net: cnictl exited $RC, expected $want:" >&2
        tail -n 3 "$work/err" >&2
        fail=1
    fi
    ((KIB < LIMIT_KIB)) || fail=1
    mib[$net]=$(awk -v k="$KIB" 'BEGIN { printf "%.1f", k / 1024 }')
done
"$CNICTL" netns rm bench-rss >/dev/null

echo "bench-rss: peak RSS by $method"
echo "bench-rss: stdout 200 MB peak ${mib[flood-stdout]} MiB, stderr 200 MB peak ${mib[flood-stderr]} MiB, quiet ${mib[quiet]} MiB"
exit "$fail"
