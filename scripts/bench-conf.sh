#!/usr/bin/env bash
# bench-conf.sh [N] — how fast cnictl reads a big configuration directory.
#
# Writes N (default 10000) configuration lists <dir>/NNNNN-netNNNNN.conflist, each its own
# network with a small realistic chain (bridge + host-local, portmap), into a temp dir, then
# times, best of 5 and mean (after one warm-up run, so the page cache is warm):
#   cnictl conf show <last network> -o json   libcni's lookup: every file up to the last
#   cnictl conf ls --offline -o json          every file read, no plugin asked VERSION
#   cnictl conf ls -o json                    the same, asking each plugin binary VERSION
# and the same for N/10 and N/4 files, to show that the cost grows linearly (ms per 1000
# files). The target (the issue): 10x faster than cnitool's lookup of the last network among
# 10000 files, about 500 ms on these machines, so `conf show` under 50 ms for N=10000.
#
# Then, for N files, the lookup of the first, middle and last network against libcni's own
# (`LoadConfList` in tests/interop/libcni-probe, built against libcni v1.3.0 from the
# reference plugins' sources in ../shared with Go 1.23, else against Debian's libcni), and
# against reading every file (`cat` of them all to /dev/null), the floor for the last
# position, in the same run. Targets (issue 11, item 14): never slower than libcni at any
# position, and within 1.5x of reading every file at the last.
# Needs no root; touches nothing outside its temp dir. Exits 0 whatever the numbers (it is a
# measurement), 1 if a command fails or prints the wrong thing.
#   CNICTL=path  use that binary instead of building target/release/cnictl
#   RUNS=k       timed runs per measurement (default 5)
set -euo pipefail

readonly RUNS=${RUNS:-5}
readonly TARGET_MS=50 CNITOOL_MS=500

die() { echo "bench-conf: $*" >&2; exit 1; }

n=${1:-10000}
[[ $n =~ ^[1-9][0-9]*$ ]] || die "usage: $0 [N files, default 10000]"
((n >= 10)) || die "N must be at least 10 (the script also measures N/10)"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
command -v jq >/dev/null || die "jq is required"

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib-bench.sh
source "$root/scripts/lib-bench.sh"
bench_binary

tmp=$(mktemp -d /tmp/cnictl-bench-conf.XXXXXX)
# shellcheck disable=SC2317  # only called from the trap, which shellcheck cannot see
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'echo "bench-conf: interrupted" >&2; exit 130' INT
trap 'echo "bench-conf: terminated" >&2; exit 143' TERM

# ---- plugin binaries: Debian's reference plugins, else the repository's fixture ------------
mkdir "$tmp/bin"
plugins_from=""
for plugin in bridge host-local portmap; do
    if [[ -x /usr/lib/cni/$plugin ]]; then
        ln -s "/usr/lib/cni/$plugin" "$tmp/bin/$plugin"
        plugins_from=/usr/lib/cni
    else
        fixture=$root/target/release/examples/fixture-plugin
        if [[ ! -x $fixture ]]; then
            (cd "$root" && cargo build --release --quiet --example fixture-plugin)
        fi
        ln -s "$fixture" "$tmp/bin/$plugin"
        plugins_from="fixture plugin ($fixture)"
    fi
done

# ---- configuration directories -------------------------------------------------------------
width=$(( ${#n} > 5 ? ${#n} : 5 ))

# make_dir DIR COUNT: COUNT lists, each a network of its own, written as people write them.
make_dir() {
    local dir=$1 count=$2 i id
    mkdir "$dir"
    for ((i = 1; i <= count; i++)); do
        printf -v id '%0*d' "$width" "$i"
        cat >"$dir/$id-net$id.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "net$id",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni$((i % 100000))",
      "isGateway": true,
      "ipMasq": true,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "10.$((i / 256 % 256)).$((i % 256)).0/24"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {
      "type": "portmap",
      "capabilities": {"portMappings": true},
      "snat": true
    }
  ]
}
EOF
    done
}

sizes=("$((n / 10))" "$((n / 4))" "$n")
echo "writing ${sizes[*]} configuration lists into $tmp ..."
for size in "${sizes[@]}"; do
    make_dir "$tmp/conf-$size" "$size"
done

# ---- timing --------------------------------------------------------------------------------
err=$tmp/stderr

# measure LABEL CMD...: one checked warm-up run, then RUNS timed runs. Sets best_us, mean_us.
measure() {
    local label=$1 i t0 t1 total=0 best=0 took
    shift
    "$@" >"$tmp/out.json" 2>"$err" || { cat "$err" >&2; die "$label failed: $*"; }
    for ((i = 0; i < RUNS; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>"$err" || { cat "$err" >&2; die "$label failed: $*"; }
        t1=$(date +%s%N)
        took=$(((t1 - t0) / 1000))
        total=$((total + took))
        if ((i == 0 || took < best)); then best=$took; fi
    done
    best_us=$best
    mean_us=$((total / RUNS))
}

# Microseconds as milliseconds with one decimal.
ms() {
    local us=$1 sign=""
    if ((us < 0)); then sign=- us=$((-us)); fi
    printf '%s%d.%d' "$sign" "$((us / 1000))" "$((us % 1000 / 100))"
}

# Checks that a run printed what it should, so a fast failure is not taken for speed.
check_show() {
    local want=$1 got
    got=$(jq -r '.config.network' "$tmp/out.json")
    [[ $got == "$want" ]] || die "conf show found $got, not $want"
}
check_ls() {
    local size=$1 offline=$2 files ok
    files=$(jq '.files | length' "$tmp/out.json")
    ok=$(jq '[.files[] | select(.status == "ok")] | length' "$tmp/out.json")
    [[ $files == "$size" && $ok == "$size" ]] \
        || die "conf ls: $files files, $ok ok (expected $size of each)"
    [[ $(jq '.offline' "$tmp/out.json") == "$offline" ]] || die "conf ls: offline is not $offline"
}

# Spawning any process costs something; this is the floor under every number below.
measure "spawn" /bin/true
floor_us=$best_us

declare -A best mean
for size in "${sizes[@]}"; do
    dir=$tmp/conf-$size
    printf -v last 'net%0*d' "$width" "$size"
    flags=(--cni-conf-dir "$dir" --cni-bin-dir "$tmp/bin" --cache-dir "$tmp/cache" -o json)

    measure "conf show" "$CNICTL" "${flags[@]}" conf show "$last"
    check_show "$last"
    best[show,$size]=$best_us mean[show,$size]=$mean_us

    measure "conf ls --offline" "$CNICTL" "${flags[@]}" conf ls --offline
    check_ls "$size" true
    best[offline,$size]=$best_us mean[offline,$size]=$mean_us

    measure "conf ls" "$CNICTL" "${flags[@]}" conf ls
    check_ls "$size" false
    best[ls,$size]=$best_us mean[ls,$size]=$mean_us
done

# ---- lookup by position, against libcni and against reading every file ---------------------
# build_probe: the libcni probe in $tmp/libcni-probe; sets probe_from, or leaves it empty.
build_probe() {
    local shared=$root/../shared go13=/usr/lib/go-1.23/bin/go src=$root/tests/interop/libcni-probe
    probe_from=""
    if [[ -x $go13 && -f $shared/third_party/cni-plugins-v1.7.1.tar.gz ]]; then
        mkdir "$tmp/l13"
        tar -xzf "$shared/third_party/cni-plugins-v1.7.1.tar.gz" -C "$tmp/l13"
        mkdir "$tmp/l13/cni-plugins-v1.7.1/cnictl-libcni-probe"
        cp "$src/main.go" "$tmp/l13/cni-plugins-v1.7.1/cnictl-libcni-probe/"
        (cd "$tmp/l13/cni-plugins-v1.7.1" && PATH=/usr/lib/go-1.23/bin:$PATH GOFLAGS=-mod=vendor \
            GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0 GOCACHE=$tmp/gocache \
            go build -o "$tmp/libcni-probe" ./cnictl-libcni-probe) && probe_from="libcni v1.3.0"
    elif command -v go >/dev/null && [[ -d /usr/share/gocode/src/github.com/containernetworking/cni ]]; then
        (cd "$root" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$tmp/gocache GOFLAGS= \
            go build -o "$tmp/libcni-probe" ./tests/interop/libcni-probe) &&
            probe_from="Debian's libcni ($(dpkg-query -W -f='${Version}' golang-github-appc-cni-dev))"
    fi
}
build_probe

dir=$tmp/conf-$n
mapfile -t every < <(printf '%s\n' "$dir"/*.conflist)
measure "cat" cat "${every[@]}"
cat_us=$best_us
flags=(--cni-conf-dir "$dir" --cni-bin-dir "$tmp/bin" --cache-dir "$tmp/cache" -o json)
declare -A pos_ours pos_theirs
positions=(first middle last)
for position in "${positions[@]}"; do
    case $position in
        first) i=1 ;;
        middle) i=$(((n + 1) / 2)) ;;
        last) i=$n ;;
    esac
    printf -v want 'net%0*d' "$width" "$i"
    measure "conf show $position" "$CNICTL" "${flags[@]}" conf show "$want"
    check_show "$want"
    pos_ours[$position]=$best_us
    if [[ -n $probe_from ]]; then
        measure "libcni $position" "$tmp/libcni-probe" find "$dir" "$want"
        [[ $(jq -r .name "$tmp/out.json") == "$want" ]] || die "libcni found another network"
        pos_theirs[$position]=$best_us
    fi
done

# ---- report --------------------------------------------------------------------------------
echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "kernel $(uname -r)"
echo "cnictl:  $("$CNICTL" --version) ($CNICTL)"
echo "plugins: $plugins_from"
echo "runs:    best and mean of $RUNS after a warm-up; spawning /bin/true: $(ms "$floor_us") ms"
echo
printf '%-18s %7s %11s %11s %14s\n' command files "best ms" "mean ms" "ms/1000 files"
for cmd in show offline ls; do
    case $cmd in
        show) label="conf show (last)" ;;
        offline) label="conf ls --offline" ;;
        ls) label="conf ls" ;;
    esac
    for size in "${sizes[@]}"; do
        b=${best[$cmd,$size]} m=${mean[$cmd,$size]}
        printf '%-18s %7d %11s %11s %14s\n' "$label" "$size" "$(ms "$b")" "$(ms "$m")" \
            "$(ms $((b * 1000 / size)))"
    done
done

echo
# The fixed cost (process start, reading the directory) weighs on small sizes; the marginal
# cost per 1000 files between sizes is what must stay flat for the growth to be linear.
small=${sizes[0]} mid=${sizes[1]}
for cmd in show offline ls; do
    a=${best[$cmd,$small]} b=${best[$cmd,$mid]} c=${best[$cmd,$n]}
    m1=$(((b - a) * 1000 / (mid - small))) m2=$(((c - b) * 1000 / (n - mid)))
    printf 'linearity %-8s %s ms per 1000 more files from %d to %d, %s from %d to %d\n' \
        "$cmd:" "$(ms "$m1")" "$small" "$mid" "$(ms "$m2")" "$mid" "$n"
done

echo
show_us=${best[show,$n]}
show_ms=$(ms "$show_us")
if ((n == 10000)); then
    verdict=MISSED
    if ((show_us < TARGET_MS * 1000)); then verdict=met; fi
    echo "conf show: $show_ms ms (target < $TARGET_MS ms: 10x faster than cnitool's ~$CNITOOL_MS ms" \
        "for the last of 10000 files): $verdict"
else
    echo "conf show: $show_ms ms for $n files (the target, < $TARGET_MS ms, is for N=10000)"
fi
echo "conf ls --offline: $(ms "${best[offline,$n]}") ms; conf ls: $(ms "${best[ls,$n]}") ms" \
    "for $n files"

echo
echo "lookup by position among $n files (best of $RUNS, ms; libcni: ${probe_from:-not built})"
printf '%-8s %9s %9s %8s\n' position cnictl libcni ratio
slower=0
for position in "${positions[@]}"; do
    ours=${pos_ours[$position]} theirs=${pos_theirs[$position]:-}
    if [[ -n $theirs ]]; then
        printf '%-8s %9s %9s %7s%%\n' "$position" "$(ms "$ours")" "$(ms "$theirs")" \
            "$((ours * 100 / theirs))"
        if ((ours > theirs)); then slower=1; fi
    else
        printf '%-8s %9s %9s %8s\n' "$position" "$(ms "$ours")" - -
    fi
done
echo "reading every file (cat): $(ms "$cat_us") ms; the last lookup is" \
    "$((pos_ours[last] * 100 / cat_us))% of it (target <= 150%)"
if [[ -n $probe_from ]]; then
    if ((slower)); then echo "never slower than libcni: MISSED"; else echo "never slower than libcni: met"; fi
fi
if ((pos_ours[last] * 2 <= cat_us * 3)); then echo "within 1.5x of cat: met"; else echo "within 1.5x of cat: MISSED"; fi
