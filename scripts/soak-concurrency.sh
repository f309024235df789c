#!/usr/bin/env bash
# soak-concurrency.sh — cnictl add/del from many processes at once, as a runtime does it.
#
# W workers (default 8) each run add/del cycles of a ptp + host-local network (ipMasq on)
# on a namespace of their own, every cycle with a new container ID, until the total number
# of operations (default 1000, an add or a del being one) is reached. Meanwhile a reader
# reads every cache file under <cache-dir>/results again and again. Measures:
#   - failed: add or del that did not exit 0;
#   - incomplete reads: a cache file that could be read but was not whole JSON with
#     "kind": "cniCacheV1" (entries are written to a temporary file and renamed);
#   - double leases: after each ADD, another live attachment (ADD done, DEL not yet
#     started) holding the same IP;
#   - left: at the end, cache entries, host-local lease files (other than last_reserved_ip*
#     and lock), links and iptables rules that were not there before.
# Runs in private mount, network and PID namespaces (`unshare`) with tmpfs on /run, /tmp and
# /var/lib/cni, so the machine's state is never touched. Run as root. Not part of `cargo test`.
#
# Usage: scripts/soak-concurrency.sh [--workers N] [--ops N]
#   CNICTL=path use that binary instead of building target/release/cnictl
# Prints one summary line and exits 1 if any count is non-zero.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "soak-concurrency: $*" >&2; exit 1; }

workers=8 ops=1000
while (($#)); do
    case $1 in
        --workers) workers=${2:?--workers needs a number}; shift 2 ;;
        --ops) ops=${2:?--ops needs a number}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ $workers =~ ^[1-9][0-9]*$ && $ops =~ ^[0-9]+$ ]] || die "--workers and --ops take numbers"
((workers <= 200)) || die "at most 200 workers (one /24 of addresses)"

# ---- outside: build, then re-exec in private namespaces --------------------------------
if [[ -z ${SOAK_CONCURRENCY_INNER:-} ]]; then
    ((EUID == 0)) || die "needs root (namespaces, mounts)"
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    # shellcheck source=scripts/lib-bench.sh
    source "$root/scripts/lib-bench.sh"
    bench_binary
    [[ -d /var/lib/cni ]] || die "/var/lib/cni must exist (it is only mounted over)"
    export SOAK_CONCURRENCY_INNER=1 CNICTL
    exec unshare --mount --net --pid --fork --mount-proc \
        bash "$root/scripts/soak-concurrency.sh" --workers "$workers" --ops "$ops"
fi

# ---- inside ------------------------------------------------------------------------------
mount --make-rprivate /
for dir in /run /tmp /var/lib/cni; do mount -t tmpfs -o mode=0755 soak "$dir"; done
chmod 1777 /tmp
ip link set lo up
[[ -x $CNICTL ]] || die "$CNICTL is hidden by the tmpfs mounts"

readonly NET=soakconc
work=$(mktemp -d /tmp/soak.XXXXXX)
cache=$work/cache
mkdir -p "$work/conf" "$work/live" "$work/counts" "$work/out" "$cache/results"
cat >"$work/conf/10-$NET.conflist" <<EOF
{"cniVersion": "1.0.0", "name": "$NET", "plugins": [
  {"type": "ptp", "ipMasq": true, "ipam": {"type": "host-local", "subnet": "10.250.100.0/24"}}]}
EOF
flags=(--cni-conf-dir "$work/conf" --cni-bin-dir /usr/lib/cni --cache-dir "$cache")

indent() { sed 's/^/    /'; }
host_state() {
    ip -o link | sed 's/ \{1,\}/ /g' | sort
    if command -v iptables-save >/dev/null; then
        iptables-save | sed '/^#/d; s/\[[0-9]*:[0-9]*\]//' | sort
    fi
}

# One worker: add/del cycles on namespace soak-wN, each with its own container ID. Writes
# "failed doubles" to counts/wN. live/wN holds its IP from ADD's end to DEL's start, so a
# live file with the same IP is an attachment that holds it at the same time.
worker() {
    local w=$1 cycles=$2 i id out ip failed=0 doubles=0 other
    local ns=soak-w$w
    for ((i = 0; i < cycles; i++)); do
        id=soak-$w-$i out=$work/out/w$w
        if "$CNICTL" "${flags[@]}" -o json add --container-id "$id" "$NET" "$ns" >"$out.json" 2>"$out.err"; then
            ip=$(jq -r '.result.ips[0].address // empty' "$out.json")
            ip=${ip%/*}
            printf '%s\n' "$ip" >"$work/live/w$w"
            for other in "$work"/live/w*; do
                [[ $other == "$work/live/w$w" ]] && continue
                if [[ $(cat "$other" 2>/dev/null) == "$ip" ]]; then
                    doubles=$((doubles + 1))
                    echo "double lease: $ip held by w$w ($id) and ${other##*/}"
                fi
            done
        else
            failed=$((failed + 1))
            echo "add failed: w$w $id: $(tail -n 1 "$out.err")"
        fi
        rm -f "$work/live/w$w"
        if ! "$CNICTL" "${flags[@]}" del --container-id "$id" "$NET" "$ns" >/dev/null 2>"$out.err"; then
            failed=$((failed + 1))
            echo "del failed: w$w $id: $(tail -n 1 "$out.err")"
        fi
    done
    echo "$failed $doubles" >"$work/counts/w$w"
}

# Reads every cache entry until the stop file appears; writes "reads incomplete".
reader() {
    local reads=0 incomplete=0 f text
    while [[ ! -e $work/stop ]]; do
        for f in "$cache"/results/*; do
            [[ -f $f ]] || continue
            # A file removed (by DEL) between the glob and the read is not an incomplete read.
            text=$(cat "$f" 2>/dev/null) || continue
            reads=$((reads + 1))
            if ! jq -e '.kind == "cniCacheV1"' <<<"$text" >/dev/null 2>&1; then
                incomplete=$((incomplete + 1))
                echo "incomplete read of ${f##*/}: ${#text} bytes"
            fi
        done
    done
    echo "$reads $incomplete" >"$work/counts/reader"
}

for ((w = 0; w < workers; w++)); do "$CNICTL" netns create "soak-w$w" >/dev/null; done
# One cycle first, so that what any cycle leaves on purpose (the nat table, once loaded) is in
# the snapshot.
for cmd in add del; do
    "$CNICTL" "${flags[@]}" "$cmd" --container-id soak-warmup "$NET" soak-w0 >/dev/null \
        || die "a plain $cmd fails"
done
host_state >"$work/before"

cycles=$((ops / 2))
echo "soak-concurrency: $workers workers, $((cycles * 2)) ops ($cycles add/del cycles)"
t_start=$(date +%s)
reader &
reader_pid=$!
pids=()
for ((w = 0; w < workers; w++)); do
    worker "$w" $((cycles / workers + (w < cycles % workers ? 1 : 0))) &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
touch "$work/stop"
wait "$reader_pid"
seconds=$(($(date +%s) - t_start))

failed=0 doubles=0
for ((w = 0; w < workers; w++)); do
    read -r f d <"$work/counts/w$w"
    failed=$((failed + f)) doubles=$((doubles + d))
done
read -r reads incomplete <"$work/counts/reader"

left=0
entries=$(find "$cache/results" -mindepth 1)
if [[ -n $entries ]]; then
    echo "cache entries left:"; indent <<<"$entries"
    left=$((left + $(wc -l <<<"$entries")))
fi
leases=$(find "/var/lib/cni/networks/$NET" -mindepth 1 ! -name 'last_reserved_ip*' ! -name lock 2>/dev/null || true)
if [[ -n $leases ]]; then
    echo "leases left:"; indent <<<"$leases"
    left=$((left + $(wc -l <<<"$leases")))
fi
if ! host_diff=$(diff "$work/before" <(host_state)); then
    echo "host links or iptables rules changed:"; indent <<<"$host_diff"
    left=$((left + $(grep -c '^[<>]' <<<"$host_diff")))
fi
for ((w = 0; w < workers; w++)); do
    links=$(ip -n "soak-w$w" -o link | awk -F': ' '$2 != "lo" {print $2}')
    if [[ -n $links ]]; then
        echo "links left in soak-w$w: $links"
        left=$((left + $(wc -l <<<"$links")))
    fi
    "$CNICTL" netns rm "soak-w$w" >/dev/null
done

echo "soak-concurrency: ($reads cache reads)"
echo "soak-concurrency: ops $((cycles * 2)), failed $failed, incomplete reads $incomplete, double leases $doubles, left $left, seconds $seconds"
((failed + incomplete + doubles + left == 0))
