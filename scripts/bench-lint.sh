#!/usr/bin/env bash
# bench-lint.sh — how `conf lint` scales with the length of a line (issue 10, item 24).
#
# Writes one-line configuration lists, as `jq -c` writes them, of 10k, 40k and 150k keys
# (plugin objects of 52 one-letter keys each, so that even 150k keys stay under the 1 MiB
# that cnictl reads of a configuration file), and times `cnictl conf lint --offline` on
# each, best of RUNS and mean, with the cost per 1000 keys: linear when that stays flat.
# Then a 50 MB one-line file: lint reports it as `unreadable-file` (larger than the 1 MiB
# every command reads) after reading at most 1 MiB + 1 bytes, so its time and peak RSS must
# stay those of a small file. Needs no root; touches nothing outside its temp dir. Exits 0
# whatever the numbers (it is a measurement), 1 if a command fails or says the wrong thing.
#   CNICTL=path  use that binary instead of building target/release/cnictl
#   RUNS=k       timed runs per measurement (default 5)
set -euo pipefail

readonly RUNS=${RUNS:-5}

die() { echo "bench-lint: $*" >&2; exit 1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
command -v jq >/dev/null || die "jq is required"
[[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is required for the peak RSS"

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib-bench.sh
source "$root/scripts/lib-bench.sh"
bench_binary

tmp=$(mktemp -d /tmp/cnictl-bench-lint.XXXXXX)
# shellcheck disable=SC2317  # only called from the trap, which shellcheck cannot see
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'echo "bench-lint: interrupted" >&2; exit 130' INT
trap 'echo "bench-lint: terminated" >&2; exit 143' TERM

# A plugin binary so that lint finds what the files name (offline: it is never run).
mkdir "$tmp/bin" "$tmp/conf"
printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/bridge"
chmod 755 "$tmp/bin/bridge"

# One-line list of about $1 keys: {"cniVersion":..,"name":..,"plugins":[{"type":"bridge","a":0,..},..]}
write_list() {
    local keys=$1 file=$2
    python3 - "$keys" "$file" <<'PY'
import string, sys
keys, path = int(sys.argv[1]), sys.argv[2]
letters = [c for c in string.ascii_letters]
plugins, left = [], keys - 3
while left > 0:
    n = min(len(letters), left - 1) if left > 1 else 0
    body = ",".join(f'"{k}":0' for k in letters[:n])
    plugins.append('{"type":"bridge"' + ("," + body if body else "") + "}")
    left -= n + 1
with open(path, "w") as f:
    f.write('{"cniVersion":"1.0.0","name":"big","plugins":[' + ",".join(plugins) + "]}\n")
PY
}

lint() {
    "$CNICTL" --cni-bin-dir "$tmp/bin" -o json conf lint --offline "$1"
}

# Best and mean wall time of RUNS runs of `lint FILE`, in ms, after one warm-up run.
time_lint() {
    local file=$1 best="" sum=0 start end ms
    lint "$file" >/dev/null || true
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        lint "$file" >/dev/null || true
        end=$(date +%s%N)
        ms=$(((end - start) / 1000))
        sum=$((sum + ms))
        [[ -z $best || $ms -lt $best ]] && best=$ms
    done
    awk -v b="$best" -v s="$sum" -v r="$RUNS" 'BEGIN { printf "%.1f %.1f\n", b / 1000, s / r / 1000 }'
}

echo "cnictl: $CNICTL"
printf '%-8s %10s %9s %9s %14s\n' keys bytes "best ms" "mean ms" "ms/1000 keys"
for keys in 10000 40000 150000; do
    file=$tmp/conf/$keys.conflist
    write_list "$keys" "$file"
    bytes=$(stat -c %s "$file")
    report=$(lint "$file") || true
    errors=$(jq -r '.errors' <<<"$report")
    [[ $errors == 0 ]] || die "$keys keys: lint found errors: $(jq -c '.diagnostics[0]' <<<"$report")"
    read -r best mean < <(time_lint "$file")
    per=$(awk -v b="$best" -v k="$keys" 'BEGIN { printf "%.3f", b / k * 1000 }')
    printf '%-8s %10s %9s %9s %14s\n' "$keys" "$bytes" "$best" "$mean" "$per"
done

# The large file: 50 MB on one line, refused after the first 1 MiB + 1 bytes.
big=$tmp/conf/big.conflist
{
    printf '{"name":"big","plugins":[{"type":"bridge"'
    head -c 52428800 /dev/zero | tr '\0' ' '
    printf '}]}\n'
} >"$big"
bytes=$(stat -c %s "$big")
report=$(lint "$big") || true
code=$(jq -r '.diagnostics[0].code' <<<"$report")
[[ $code == unreadable-file ]] || die "the 50 MB file: expected unreadable-file, got $code"
read -r best mean < <(time_lint "$big")
rss=$( { /usr/bin/time -f '%M' "$CNICTL" --cni-bin-dir "$tmp/bin" -o json conf lint --offline "$big" >/dev/null; } 2>&1 | tail -n 1) || true
small_rss=$( { /usr/bin/time -f '%M' "$CNICTL" --cni-bin-dir "$tmp/bin" -o json conf lint --offline "$tmp/conf/10000.conflist" >/dev/null; } 2>&1 | tail -n 1) || true
printf '%s bytes on one line: %s ms best, %s ms mean, peak RSS %s KiB (the 10k-key file: %s KiB)\n' \
    "$bytes" "$best" "$mean" "$rss" "$small_rss"
