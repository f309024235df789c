#!/usr/bin/env bash
# Creating and removing a named network namespace: `cnictl netns create NAME` +
# `cnictl netns rm NAME` against `ip netns add NAME` + `ip netns del NAME`, N pairs each
# (default 200), in alternating blocks. Both make the namespace the same way (a bind mount
# under /var/run/netns, made a shared mount point first). Run as root. Usage:
#   scripts/bench-netns.sh [N]      CNICTL=path overrides the binary
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-200}
blocks=10
per=$((n / blocks)); ((per > 0)) || per=1
# shellcheck source=scripts/lib-bench.sh
source scripts/lib-bench.sh
bench_binary
name=cnictl-bench-ns-$$
cleanup() { ip netns del "$name" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cnictl_pair() { "$CNICTL" netns create "$name" >/dev/null && "$CNICTL" netns rm "$name" >/dev/null; }
ip_pair() { ip netns add "$name" && ip netns del "$name"; }

# Warm up both, and check each really makes a namespace `ip netns exec` can enter.
"$CNICTL" netns create "$name" >/dev/null
ip netns exec "$name" true
"$CNICTL" netns rm "$name" >/dev/null
ip_pair

total_cnictl=0 total_ip=0
for ((b = 0; b < blocks; b++)); do
    if ((b % 2)); then order=(ip cnictl); else order=(cnictl ip); fi
    for side in "${order[@]}"; do
        t0=$(date +%s%N)
        for ((i = 0; i < per; i++)); do "${side}_pair"; done
        t1=$(date +%s%N)
        if [[ $side == cnictl ]]; then total_cnictl=$((total_cnictl + t1 - t0)); else total_ip=$((total_ip + t1 - t0)); fi
    done
done
[[ ! -e /var/run/netns/$name ]] || { echo "bench-netns: $name left behind" >&2; exit 1; }

count=$((per * blocks))
awk -v c="$total_cnictl" -v i="$total_ip" -v n="$count" 'BEGIN {
    printf "create+remove, %d pairs each\n", n
    printf "cnictl netns create/rm  %8.3f ms per pair\n", c / n / 1e6
    printf "ip netns add/del        %8.3f ms per pair\n", i / n / 1e6
    printf "ratio %.2f (target <= 1.00: not slower than ip)\n", c / i
}'

# The same work without the price of starting a process for each namespace (as in `cnictl
# run`, which makes its namespaces in-process): one cnictl process creating N and one
# removing them, against `ip -batch` doing the same, alternating.
names=()
for ((i = 0; i < per; i++)); do names+=("$name-$i"); done
batch_add=$(printf 'netns add %s\n' "${names[@]}")
batch_del=$(printf 'netns del %s\n' "${names[@]}")
cleanup() { for n in "$name" "${names[@]}"; do ip netns del "$n" 2>/dev/null || true; done; }
batch_cnictl=0 batch_ip=0
cnictl_batch() {
    "$CNICTL" netns create "${names[@]}" >/dev/null
    "$CNICTL" netns rm "${names[@]}" >/dev/null
}
ip_batch() {
    ip -batch - <<<"$batch_add"
    ip -batch - <<<"$batch_del"
}
for ((b = 0; b < blocks; b++)); do
    if ((b % 2)); then order=(ip cnictl); else order=(cnictl ip); fi
    for side in "${order[@]}"; do
        t0=$(date +%s%N)
        "${side}_batch"
        t1=$(date +%s%N)
        if [[ $side == cnictl ]]; then batch_cnictl=$((batch_cnictl + t1 - t0)); else batch_ip=$((batch_ip + t1 - t0)); fi
    done
done
awk -v c="$batch_cnictl" -v i="$batch_ip" -v n="$count" 'BEGIN {
    printf "\nin one process each (%d namespaces)\n", n
    printf "cnictl netns create/rm  %8.3f ms per namespace\n", c / n / 1e6
    printf "ip -batch netns add/del %8.3f ms per namespace\n", i / n / 1e6
    printf "ratio %.2f (target <= 1.00: not slower than ip)\n", c / i
}'
