# shellcheck shell=bash
# Shared by the benchmark scripts (sourced): the cnictl binary to measure, in CNICTL. With
# CNICTL unset, a release build of this tree; CNICTL=path measures another binary.
bench_binary() {
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    if [[ -z ${CNICTL:-} ]]; then
        (cd "$root" && cargo build --release --locked --quiet)
        CNICTL=$root/target/release/cnictl
    fi
    CNICTL=$(realpath "$CNICTL")
    [[ -x $CNICTL ]] || { echo "$(basename "$0"): $CNICTL is not executable" >&2; exit 1; }
}
