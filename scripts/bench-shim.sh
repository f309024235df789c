#!/usr/bin/env bash
# bench-shim.sh [N] — measure what the recording shim adds to each plugin call.
#
# Installs a shim dir (cnictl record install) for a temp bin dir holding `true` (a plugin
# that does nothing, so the shim's own cost is most of the call) and Debian's ptp (a real
# Go plugin, asked VERSION), then times N calls of each made directly and through its shim,
# in alternating blocks, with the same stdin and environment. The shim's cost includes
# writing its record to the log (in the temp dir). Prints the mean per call and the
# difference. Needs no root; touches nothing outside its temp dir. Exits 0 whatever the
# numbers (it is a measurement).
#   CNICTL=path  use that binary instead of building target/release/cnictl
set -euo pipefail

n=${1:-2000}
readonly BLOCKS=10
cd "$(dirname "$0")/.."
if [[ -z ${CNICTL:-} ]]; then
    cargo build --release --locked --quiet
    CNICTL=$PWD/target/release/cnictl
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
ln -s /bin/true "$tmp/bin/true"
ln -s /usr/lib/cni/ptp "$tmp/bin/ptp"
"$CNICTL" --cni-bin-dir "$tmp/bin" record install --shim-dir "$tmp/shim" --log-dir "$tmp/log" >/dev/null
echo '{"cniVersion":"1.0.0"}' >"$tmp/stdin"
export CNI_COMMAND=VERSION CNI_CONTAINERID=bench CNI_NETNS=/nowhere CNI_IFNAME=eth0 CNI_PATH="$tmp/shim"

# Mean nanoseconds per call of $1 over $2 calls.
calls() {
    local plugin=$1 count=$2 i start end
    start=$(date +%s%N)
    for ((i = 0; i < count; i++)); do "$plugin" <"$tmp/stdin" >/dev/null; done
    end=$(date +%s%N)
    echo $(((end - start) / count))
}

for plugin in true ptp; do
    count=$n
    [[ $plugin == ptp ]] && count=$((n / 10))
    calls "$tmp/bin/$plugin" 20 >/dev/null; calls "$tmp/shim/$plugin" 20 >/dev/null   # warm-up
    direct=0 shim=0
    for ((b = 0; b < BLOCKS; b++)); do
        direct=$((direct + $(calls "$tmp/bin/$plugin" $((count / BLOCKS)))))
        shim=$((shim + $(calls "$tmp/shim/$plugin" $((count / BLOCKS)))))
    done
    direct=$((direct / BLOCKS)) shim=$((shim / BLOCKS))
    printf '%-5s %6d calls: direct %7.3f ms, through the shim %7.3f ms, added %6.3f ms a call\n' \
        "$plugin" "$count" "$(bc -l <<<"$direct/1000000")" "$(bc -l <<<"$shim/1000000")" \
        "$(bc -l <<<"($shim-$direct)/1000000")"
done
records=$(wc -l <"$tmp/log/calls.ndjson")
echo "the log holds $records records ($(du -h "$tmp/log/calls.ndjson" | cut -f1))"
