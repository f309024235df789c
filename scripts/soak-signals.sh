#!/usr/bin/env bash
# soak-signals.sh — does `cnictl run --sandbox` end cleanly whenever a signal comes?
#
# Measures, over many tries of `cnictl -o json run --sandbox` on a ptp + host-local network:
#   - wrong exits: a SIGINT or SIGTERM sent at a random point of the run must give exit 130
#     (0 only when the run had already ended, i.e. `kill` found no process);
#   - leftovers: after each try, namespaces, nsfs mounts, /run/cnictl, /var/lib/cni, links,
#     iptables rules and $TMPDIR/cnictl-* are compared with a snapshot taken before; 1 try
#     in 5 chains the fixture plugin after ptp with a DEL that sleeps 1.5 s and sends SIGINT
#     during that DEL;
#   - sigkill leftovers after gc: SIGKILL at a random point, then `cnictl netns gc`, then
#     the same comparison (only what cnictl owns: namespaces, records, temp dirs);
#   - double-signal failures: two SIGINTs in quick succession during a slow DEL must end
#     cnictl by the signal within 2 s, and `netns gc` (plus killing the orphaned plugin)
#     must then remove cnictl's namespaces, records and temp dirs.
# Everything runs in private mount, network and PID namespaces (`unshare`) with tmpfs on
# /run, /tmp and /var/lib/cni, so the machine's state is never touched and nothing else on
# it can disturb the comparison. Run as root. Not part of `cargo test`.
#
# Usage: scripts/soak-signals.sh [--tries N] [--kills N]
#   --tries N   signal tries (default 100)
#   --kills N   SIGKILL tries (default 20)
#   CNICTL=path use that binary instead of building target/release/cnictl
#   SOAK_REPORTS=DIR  copy the JSON report and stderr of each try that leaked there
#               (a directory outside /tmp and /run, which are private here)
# Prints one summary line and exits 1 if any count is non-zero.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "soak-signals: $*" >&2; exit 1; }

tries=100 kills=20
while (($#)); do
    case $1 in
        --tries) tries=${2:?--tries needs a number}; shift 2 ;;
        --kills) kills=${2:?--kills needs a number}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ $tries =~ ^[0-9]+$ && $kills =~ ^[0-9]+$ ]] || die "--tries and --kills take numbers"

# ---- outside: build, then re-exec in private namespaces --------------------------------
if [[ -z ${SOAK_SIGNALS_INNER:-} ]]; then
    ((EUID == 0)) || die "needs root (namespaces, mounts)"
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    # shellcheck source=scripts/lib-bench.sh
    source "$root/scripts/lib-bench.sh"
    bench_binary
    fixture=$root/target/release/examples/fixture-plugin
    (cd "$root" && cargo build --release --locked --quiet --example fixture-plugin)
    [[ -d /var/lib/cni ]] || die "/var/lib/cni must exist (it is only mounted over)"
    if [[ -n ${SOAK_REPORTS:-} ]]; then mkdir -p "$SOAK_REPORTS"; SOAK_REPORTS=$(realpath "$SOAK_REPORTS"); export SOAK_REPORTS; fi
    export SOAK_SIGNALS_INNER=1 CNICTL FIXTURE=$fixture
    exec unshare --mount --net --pid --fork --mount-proc \
        bash "$root/scripts/soak-signals.sh" --tries "$tries" --kills "$kills"
fi

# ---- inside ------------------------------------------------------------------------------
mount --make-rprivate /
for dir in /run /tmp /var/lib/cni; do mount -t tmpfs -o mode=0755 soak "$dir"; done
chmod 1777 /tmp
ip link set lo up
[[ -x $CNICTL && -x $FIXTURE ]] || die "$CNICTL or $FIXTURE is hidden by the tmpfs mounts"

work=$(mktemp -d /tmp/soak.XXXXXX)
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR" "$work/conf" "$work/bin" "$work/out"
cp "$FIXTURE" "$work/bin/fixture"
readonly FAST=soakfast SLOW=soakslow
cat >"$work/conf/10-$FAST.conflist" <<EOF
{"cniVersion": "1.0.0", "name": "$FAST", "plugins": [
  {"type": "ptp", "ipMasq": true, "ipam": {"type": "host-local", "subnet": "10.250.1.0/24"}}]}
EOF
cat >"$work/conf/20-$SLOW.conflist" <<EOF
{"cniVersion": "1.0.0", "name": "$SLOW", "plugins": [
  {"type": "ptp", "ipMasq": true, "ipam": {"type": "host-local", "subnet": "10.250.2.0/24"}},
  {"type": "fixture", "behaviour": {"DEL": "slow:1500"}, "recordDir": "$work/record"}]}
EOF
flags=(--cni-conf-dir "$work/conf" --cni-bin-dir "$work/bin:/usr/lib/cni")

# What the machine (this private copy of it) holds, one section per kind of object.
snapshot() {
    echo "== netns"; ip netns list | sort
    echo "== nsfs"
    awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { if ($(i + 1) == "nsfs") print $5; break } }' \
        /proc/self/mountinfo | sort
    echo "== run-cnictl"; find /run/cnictl 2>/dev/null | sort
    echo "== var-lib-cni"; find /var/lib/cni | sort
    echo "== links"; ip -o link | sed 's/ \{1,\}/ /g' | sort
    echo "== iptables"
    if command -v iptables-save >/dev/null; then
        iptables-save | sed '/^#/d; s/\[[0-9]*:[0-9]*\]//' | sort
    fi
    echo "== tmp"; find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'cnictl-*' | sort
}
# Only what cnictl itself owns.
own_sections() { awk '/^== /{keep = ($2 ~ /^(netns|nsfs|run-cnictl|tmp)$/)} keep'; }

ms_sleep() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }
# Microseconds, from a bash builtin (no fork, so it can stamp a signal precisely).
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo "$((10#$t))"; }
now_ms() { echo $(($(now_us) / 1000)); }
# Busy-waits (builtins only) until PID has exec'd cnictl, so the delay counts from there and
# not from bash's fork.
wait_exec() { local i; for ((i = 0; i < 100000; i++)); do [[ /proc/$1/exe -ef $CNICTL ]] && return; done; }
# Starts cnictl in the background with SIGINT and SIGQUIT at their defaults (bash ignores
# them in background jobs, and an ignored signal stays ignored across exec); sets PID.
start() {
    local out=$1; shift
    (trap - INT QUIT; exec "$CNICTL" "${flags[@]}" "$@") >"$out.json" 2>"$out.err" &
    PID=$!
    wait_exec "$PID"
}
# Waits for the fixture's DEL record (DEL has started) for at most 5 s; prints its pid.
wait_del() {
    local i
    for ((i = 0; i < 500; i++)); do
        if [[ -f $work/record/calls.jsonl ]] && grep -q '"command":"DEL"' "$work/record/calls.jsonl"; then
            jq -r 'select(.command == "DEL") | .pid' "$work/record/calls.jsonl" | tail -n 1
            return 0
        fi
        sleep 0.01
    done
    return 1
}
# Waits up to 5 s for the plugins a killed cnictl left running (now children of this shell,
# PID 1 here), then kills what remains, by pid.
reap_orphans() {
    local i pids
    for ((i = 0; i < 50; i++)); do
        pids=$(ps -o pid= --ppid 1 -o comm= | awk '$2 != "ps" && $2 != "bash" {print $1}')
        [[ -z $pids ]] && return 0
        sleep 0.1
    done
    echo "    orphans still running after 5 s, killed: $pids"
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null || true
}
# Compares with the snapshot before; prints the difference and returns 1 if any.
compare() {
    local what=$1 filter=${2:-cat} diff
    if ! diff=$(diff <(own_or_all "$filter" <"$work/before") <(snapshot | own_or_all "$filter")); then
        echo "  $what left:"; printf '%s\n' "$diff" | sed 's/^/    /'
        return 1
    fi
}
own_or_all() { if [[ $1 == own ]]; then own_sections; else cat; fi; }
# Removes whatever a failed try left, so the next one starts from the snapshot.
restore() {
    "$CNICTL" netns gc >/dev/null 2>&1 || true
    ip netns list | awk '{print $1}' | while read -r ns; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work/record" "${TMPDIR:?}"/cnictl-*
}

t_start=$(date +%s)
wrong=0 leftovers=0 kill_left=0 double_fail=0 finished_before=0

# Measure the run first, the shortest of 3 (this also makes /run/cnictl's lasting files, the
# lock among them).
run_ms=999999 slow_ms=999999
for net in $FAST $FAST $FAST $SLOW; do
    t0=$(now_ms)
    "$CNICTL" "${flags[@]}" -o json run --sandbox "$net" >"$work/out/m.json" 2>"$work/out/m.err" \
        || { cat "$work/out/m.err" >&2; die "a plain run of $net fails"; }
    len=$(($(now_ms) - t0))
    if [[ $net == "$FAST" ]]; then ((len < run_ms)) && run_ms=$len; else slow_ms=$len; fi
done
rm -rf "$work/record"
snapshot >"$work/before"
echo "soak-signals: a run takes ${run_ms} ms (${slow_ms} ms with the slow DEL); $tries signal tries, $kills SIGKILL tries"

for ((t = 1; t <= tries; t++)); do
    sig=INT; ((RANDOM % 2)) && sig=TERM
    out=$work/out/try$t
    if ((t % 5 == 0)); then
        # SIGINT while the fixture's slow DEL runs.
        net=$SLOW sig=INT
        start "$out" -o json run --sandbox "$net"
        if ! wait_del >/dev/null; then
            echo "try $t: the slow DEL never started"; wrong=$((wrong + 1))
        fi
        delay="during DEL +$((RANDOM % 1200)) ms"
        ms_sleep $((RANDOM % 1200))
    else
        net=$FAST
        start "$out" -o json run --sandbox "$net"
        d=$((RANDOM % run_ms)); delay="$d ms"
        ms_sleep "$d"
    fi
    sent=0 t_sig=$(now_us)
    # A zombie (ended, not yet waited for) still takes a signal: it had finished before.
    if [[ $(awk '{print $3}' "/proc/$PID/stat" 2>/dev/null) != Z ]] && kill -s "$sig" "$PID" 2>/dev/null; then
        sent=1
    fi
    rc=0; wait "$PID" || rc=$?
    lived=$(($(now_us) - t_sig))
    if ((sent)); then
        if ((rc != 130)); then
            wrong=$((wrong + 1))
            echo "try $t ($net, SIG$sig at $delay): exit $rc ${lived} us after the signal, want 130"
            echo "  steps: $(jq -c '[.steps[] | [.name, .outcome]]' "$out.json" 2>/dev/null), durationMs $(jq .durationMs "$out.json" 2>/dev/null)"
            sed 's/^/    /' "$out.err"
        fi
    else
        finished_before=$((finished_before + 1))
        if ((rc != 0)); then
            wrong=$((wrong + 1))
            echo "try $t ($net, finished before SIG$sig at $delay): exit $rc"; sed 's/^/    /' "$out.err"
        fi
    fi
    reap_orphans
    if ! compare "try $t ($net, SIG$sig at $delay, exit $rc)"; then
        leftovers=$((leftovers + 1)); restore
    elif jq -e '.leaks.verdict == "leaked"' "$out.json" >/dev/null 2>&1; then
        leftovers=$((leftovers + 1))
        echo "try $t ($net, SIG$sig at $delay, exit $rc): the leak check found:"
        jq -r '.leaks.leftBehind[] | "    \(.kind) \(.item)"' "$out.json"
        echo "  steps: $(jq -c '[.steps[] | [.name, .outcome, .detail]]' "$out.json")"
        echo "  ADD: $(jq -c '[.add[]? | [.type, .outcome]]' "$out.json"), DEL: $(jq -c '[.del[]? | [.type, .outcome]]' "$out.json")"
        if [[ -n ${SOAK_REPORTS:-} ]]; then cp "$out.json" "$out.err" "$SOAK_REPORTS/"; fi
    fi
    rm -rf "$work/record"
done

for ((k = 1; k <= kills; k++)); do
    out=$work/out/kill$k
    start "$out" -o json run --sandbox "$FAST"
    d=$((RANDOM % run_ms))
    ms_sleep "$d"
    kill -s KILL "$PID" 2>/dev/null || true
    { wait "$PID"; } 2>/dev/null || true   # without bash's "Killed" line
    reap_orphans
    "$CNICTL" netns gc >"$out.gc" 2>&1 || { echo "kill $k: netns gc failed"; cat "$out.gc"; }
    if ! compare "SIGKILL $k (at $d ms) then netns gc" own; then
        kill_left=$((kill_left + 1)); restore
    fi
done

# Two SIGINTs 50 ms apart during the slow DEL: cnictl must end by SIGINT within 2 s. A perl
# parent reports how it ended (bash gives 130 for both exit 130 and death by SIGINT).
out=$work/out/double
perl -e '
    my ($pidfile, $statusfile, @cmd) = @ARGV;
    my $pid = fork() // die "fork: $!";
    if (!$pid) { $SIG{INT} = "DEFAULT"; exec @cmd or exit 127 }
    open(my $p, ">", $pidfile) or die; print $p "$pid\n"; close $p;
    waitpid($pid, 0);
    open(my $s, ">", $statusfile) or die;
    print $s (($? & 127) ? "signal " . ($? & 127) : "exit " . ($? >> 8)), "\n";
' "$out.pid" "$out.status" "$CNICTL" "${flags[@]}" -o json run --sandbox "$SLOW" \
    >"$out.json" 2>"$out.err" &
perl_pid=$!
plugin_pid=$(wait_del) || { echo "double signal: the slow DEL never started"; plugin_pid=; }
cnictl_pid=$(cat "$out.pid")
ms_sleep 200
kill -s INT "$cnictl_pid"
ms_sleep 50
t0=$(now_ms)
kill -s INT "$cnictl_pid" || true
wait "$perl_pid" || true
took=$(($(now_ms) - t0))
status=$(cat "$out.status")
if [[ $status != "signal 2" ]] || ((took > 2000)); then
    double_fail=$((double_fail + 1))
    echo "double signal: cnictl ended with $status ${took} ms after the second SIGINT (want signal 2 within 2000 ms)"
    sed 's/^/    /' "$out.err"
fi
# The killed run's plugins: kill the DEL still sleeping (if any), wait for the rest.
if [[ -n $plugin_pid ]]; then kill -9 "$plugin_pid" 2>/dev/null || true; fi
reap_orphans
"$CNICTL" netns gc >"$out.gc" 2>&1 || { echo "double signal: netns gc failed"; cat "$out.gc"; }
if ! compare "double signal then netns gc" own; then
    double_fail=$((double_fail + 1))
fi

seconds=$(($(date +%s) - t_start))
echo "soak-signals: ($finished_before of $tries runs had finished before their signal)"
echo "soak-signals: tries $tries, wrong exits $wrong, leftovers $leftovers, sigkill leftovers after gc $kill_left, double-signal failures $double_fail, seconds $seconds"
((wrong + leftovers + kill_left + double_fail == 0))
