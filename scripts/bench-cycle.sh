#!/usr/bin/env bash
# bench-cycle.sh [N] — measure cnictl's own cost per plugin call.
#
# Times N add+del cycles of a ptp + host-local network made through cnictl against the
# same two plugin calls made directly from bash (same stdin, same environment, one process
# spawn per call), and reports the difference. Runs as root, entirely inside throwaway
# network namespaces and a temp dir; the machine's own namespace and /var/lib/cni are never
# touched. Exits 0 whatever the numbers (it is a measurement), 1 if any add/del failed.
#   CNICTL=path  use that binary instead of building target/release/cnictl
set -euo pipefail

readonly NET=benchnet WARMUP=3 BLOCKS=10

die() { echo "bench-cycle: $*" >&2; exit 1; }

# ---- inner: runs inside the host namespace, so `ip netns exec` is paid only once --------
inner() {
    local tmp=$1 ctr=$2 n=$3 cnictl=$4
    local err=$tmp/stderr
    local -a flags=(--cni-conf-dir "$tmp/conf" --cni-bin-dir /usr/lib/cni --cache-dir "$tmp/cache")
    trap 'exit 143' TERM   # deferred by bash until the running call finishes

    fail() { echo "FAILED: $*" >&2; cat "$err" >&2 2>/dev/null || true; exit 1; }
    has_eth0() { ip -n "$ctr" link show eth0 >/dev/null 2>&1 || fail "$1: no eth0 in $ctr"; }

    # Record once exactly what cnictl hands the plugin, so the direct side does the same.
    "$cnictl" "${flags[@]}" -o json --trace add "$NET" "$ctr" >"$tmp/add.json" 2>"$err" \
        || fail "traced cnictl add"
    has_eth0 "traced cnictl add"
    "$cnictl" "${flags[@]}" -o json --trace del "$NET" "$ctr" >"$tmp/del.json" 2>"$err" \
        || fail "traced cnictl del"
    local f
    for f in add del; do
        jq -e '.error == null and (.calls | length) == 1' "$tmp/$f.json" >/dev/null \
            || fail "$f trace: expected one successful plugin call"
        jq -j '.calls[0].stdin' "$tmp/$f.json" >"$tmp/$f.stdin"
    done
    local plugin; plugin=$(jq -r '.calls[0].path' "$tmp/add.json")
    local -a add_env del_env
    mapfile -t add_env < <(jq -r '.calls[0].env | to_entries[] | "\(.key)=\(.value)"' "$tmp/add.json")
    mapfile -t del_env < <(jq -r '.calls[0].env | to_entries[] | "\(.key)=\(.value)"' "$tmp/del.json")

    # One cycle per side; with an argument, also check eth0 between ADD and DEL.
    # The direct side is `( export ...; exec plugin )`: one fork + exec, like any command.
    # (`env -i plugin` would add a second exec, ~0.6 ms, to every direct call.) This shell was
    # started with only PATH in its environment, so the plugin sees what cnictl gives it
    # (CNI_* and PATH) plus bash's PWD, SHLVL and _.
    cnictl_cycle() {
        "$cnictl" "${flags[@]}" add "$NET" "$ctr" >/dev/null 2>"$err" || fail "cnictl add"
        if [[ -n ${1:-} ]]; then has_eth0 "cnictl add"; fi
        "$cnictl" "${flags[@]}" del "$NET" "$ctr" >/dev/null 2>"$err" || fail "cnictl del"
    }
    direct_cycle() {
        (export "${add_env[@]}"; exec "$plugin") <"$tmp/add.stdin" >/dev/null 2>"$err" \
            || fail "direct ADD"
        if [[ -n ${1:-} ]]; then has_eth0 "direct ADD"; fi
        (export "${del_env[@]}"; exec "$plugin") <"$tmp/del.stdin" >/dev/null 2>"$err" \
            || fail "direct DEL"
    }

    local i b side t0 t1
    cnictl_cycle check && direct_cycle check
    for ((i = 1; i < WARMUP; i++)); do cnictl_cycle && direct_cycle; done
    # Blocks alternate which side goes first, to cancel drift and ordering effects.
    local per=$((n / BLOCKS)); ((per > 0)) || per=1
    local -a ns_cnictl=() ns_direct=() order
    for ((b = 0; b < BLOCKS; b++)); do
        if ((b % 2)); then order=(direct cnictl); else order=(cnictl direct); fi
        for side in "${order[@]}"; do
            t0=$(date +%s%N)
            for ((i = 0; i < per; i++)); do "${side}_cycle"; done
            t1=$(date +%s%N)
            if [[ $side == cnictl ]]; then ns_cnictl+=($((t1 - t0))); else ns_direct+=($((t1 - t0))); fi
        done
    done

    # Where the difference goes. cnictl's own time around the plugin, from its reports
    # (duration minus the plugin's: configuration lookup, cache write with fsync, report),
    # and what starting any process costs here: the cnictl side starts one more per call.
    local -a inside=()
    for ((i = 0; i < 20; i++)); do
        "$cnictl" "${flags[@]}" -o json add "$NET" "$ctr" >"$tmp/a.json" 2>"$err" || fail "cnictl add"
        "$cnictl" "${flags[@]}" -o json del "$NET" "$ctr" >"$tmp/d.json" 2>"$err" || fail "cnictl del"
        for f in a d; do
            inside+=("$(jq -r '.durationMs - ([.plugins[].durationMs] | add)' "$tmp/$f.json")")
        done
    done
    local spawn_ns
    t0=$(date +%s%N)
    for ((i = 0; i < 200; i++)); do /bin/true; done
    spawn_ns=$(($(date +%s%N) - t0))

    # Nothing may be left behind: links in the host namespace, leases, cache entries.
    local left
    left=$(ip -o link show | awk -F': ' '$2 != "lo"')
    [[ -z $left ]] || fail "links left in the host namespace: $left"
    left=$(find "$tmp/ipam" -type f ! -name lock ! -name 'last_reserved_ip.*')
    [[ -z $left ]] || fail "leases left in the ipam dir: $left"
    left=$(find "$tmp/cache" -type f)
    [[ -z $left ]] || fail "cache entries left: $left"

    echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
        "kernel $(uname -r)"
    echo "cnictl:  $("$cnictl" --version) ($cnictl)"
    echo "cycles:  $((per * BLOCKS)) per side in $BLOCKS alternating blocks, after $WARMUP warm-up"
    echo
    awk -v per="$per" -v c="${ns_cnictl[*]}" -v d="${ns_direct[*]}" -v inside="${inside[*]}" \
        -v spawn="$spawn_ns" '
        function stats(name, list,   a, i, k, t, m, lo, hi) {
            k = split(list, a, " "); t = 0; lo = 1e30; hi = 0
            for (i = 1; i <= k; i++) { t += a[i]; m = a[i] / per / 1e6; if (m < lo) lo = m; if (m > hi) hi = m }
            printf "%-7s %12.1f %14.3f %11.3f - %.3f\n", name, t / 1e6, t / 1e6 / (k * per), lo, hi
            return t / 1e6 / (k * per)
        }
        BEGIN {
            printf "%-7s %12s %14s %19s\n", "side", "total ms", "mean ms/cycle", "block means (ms)"
            mc = stats("cnictl", c); md = stats("direct", d)
            printf "\nratio %.2f (target <= 1.05); cnictl overhead %.2f ms per plugin call (target < 1 ms)\n",
                mc / md, (mc - md) / 2
            k = split(inside, a, " "); t = 0
            for (i = 1; i <= k; i++) t += a[i]
            printf "of which: %.2f ms inside cnictl around the plugin (mean of %d calls, ADD with its cache fsync),\n", t / k, k
            printf "          %.2f ms to start any process on this machine (/bin/true), paid once more per call\n", spawn / 200 / 1e6
        }'
}

if [[ ${1:-} == --inner ]]; then
    shift
    inner "$@"
    exit 0
fi

# ---- outer: build, set up namespaces and config, re-exec inside the host namespace -------
n=${1:-200}
[[ $n =~ ^[1-9][0-9]*$ ]] || die "usage: $0 [N cycles, default 200]"
((EUID == 0)) || die "must run as root (it creates network namespaces)"
for tool in ip jq; do command -v "$tool" >/dev/null || die "$tool is required"; done
[[ -x /usr/lib/cni/ptp && -x /usr/lib/cni/host-local ]] || die "no ptp/host-local in /usr/lib/cni"

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib-bench.sh
source "$root/scripts/lib-bench.sh"
bench_binary

host=cnictl-bench-host-$$ ctr=cnictl-bench-ctr-$$ inner_pid=""
tmp=$(mktemp -d /tmp/cnictl-bench.XXXXXX)
# shellcheck disable=SC2317  # only called from the trap, which shellcheck cannot see
cleanup() {
    if [[ -n $inner_pid ]]; then kill -TERM "$inner_pid" 2>/dev/null || true; wait "$inner_pid" || true; fi
    ip netns del "$ctr" 2>/dev/null || true
    ip netns del "$host" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "bench-cycle: interrupted" >&2; exit 130' INT
trap 'echo "bench-cycle: terminated" >&2; exit 143' TERM

ip netns add "$host"
ip netns add "$ctr"
ip -n "$host" link set lo up
mkdir -p "$tmp/conf" "$tmp/cache" "$tmp/ipam"
cat >"$tmp/conf/$NET.conflist" <<EOF
{"cniVersion":"1.0.0","name":"$NET","plugins":[{"type":"ptp","ipMasq":false,"ipam":{"type":"host-local","subnet":"10.250.7.0/24","dataDir":"$tmp/ipam","routes":[{"dst":"0.0.0.0/0"}]}}]}
EOF

# A minimal environment: cnictl passes PATH on to plugins, the direct side does the same.
# Run in the background and wait, so INT/TERM reach the trap (and the inner) promptly.
ip netns exec "$host" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "$BASH" "$(realpath "$0")" --inner "$tmp" "$ctr" "$n" "$CNICTL" &
inner_pid=$!
rc=0
wait "$inner_pid" || rc=$?
inner_pid=""
exit "$rc"
