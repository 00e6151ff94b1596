#!/usr/bin/env bash
# Whole-command comparison of snarkjs 0.7.6 and `tau` on the SAME input files, in the same run:
# powersoftau contribute, verify and prepare phase2, for both curves, with wall time and peak RSS from
# /usr/bin/time -v. Prints a table and writes a markdown copy to bench/results/<UTC date-time>.md.
#
#   bench/compare-snarkjs.sh                 # powers 12 and 16, both curves
#   bench/compare-snarkjs.sh --quick         # power 10 only
#   bench/compare-snarkjs.sh --powers "12 20" --curves bn128
#   bench/compare-snarkjs.sh --prepare-max-power 16   # snarkjs prepare phase2 is slow: above power 12 it is
#                                                     # skipped unless asked (about 40 s at power 10 on 2 cores)
#
# Needs: node + `npm ci` in tests/oracle (snarkjs pinned there), dotnet (tau is built Release from
# src/PowersOfTau.Appliance unless TAU_DLL points at a built tau.dll), /usr/bin/time (GNU time).
# A tau verb that this build does not have yet is shown as "n/a" (detected from `tau <verb> --help`).
# tau contributes with real entropy (os + -e text) and --no-attestation; snarkjs with -e text.
# The machine is named in the output (CPU, cores, load average before and after): figures from a shared or
# loaded machine are noisy — compare ratios from the same run, not absolute times across runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
powers="12 16"
curves="bn128 bls12381"
prepare_max_power=12
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) powers="10"; shift ;;
    --powers) powers="$2"; shift 2 ;;
    --curves) curves="$2"; shift 2 ;;
    --prepare-max-power) prepare_max_power="$2"; shift 2 ;;
    -h|--help) sed -n 2,18p "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

snarkjs_cli="$root/tests/oracle/node_modules/snarkjs/cli.js"
[[ -f "$snarkjs_cli" ]] || { echo "snarkjs missing: run npm ci in tests/oracle" >&2; exit 2; }
snarkjs_version="$(node -e "console.log(require('$root/tests/oracle/node_modules/snarkjs/package.json').version)")"
if [[ -z "${TAU_DLL:-}" ]]; then
  dotnet build "$root/src/PowersOfTau.Appliance" -c Release -v q -nologo > /dev/null
  TAU_DLL="$root/src/PowersOfTau.Appliance/bin/Release/net10.0/tau.dll"
fi
[[ -f "$TAU_DLL" ]] || { echo "tau.dll not found at $TAU_DLL" >&2; exit 2; }

work="$(mktemp -d /tmp/tau-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 FORCE_COLOR=0

# tau_has <verb words...>: the verb's help shows "tau <verb words>" as its usage line.
tau_has() { dotnet "$TAU_DLL" "$@" --help 2>/dev/null | grep -Eq "^ *tau $* ?"; }

# measure <name> <command...>: runs it under /usr/bin/time -v; sets T_SECONDS and T_RSS_MIB ("fail" on error,
# and for a verify that does not say so: snarkjs prints "Powers of Tau Ok!").
measure() {
  local name="$1"; shift
  local tfile="$work/$name.time"
  if /usr/bin/time -v -o "$tfile" "$@" > "$work/$name.out" 2>&1 \
     && { [[ "$name" != *_verify_snarkjs ]] || grep -q "Powers of Tau Ok" "$work/$name.out"; }; then
    T_SECONDS="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$tfile")"
    T_RSS_MIB="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tfile")"
  else
    T_SECONDS="fail"; T_RSS_MIB="-"
    echo "warning: $name failed, see below" >&2; tail -5 "$work/$name.out" >&2
  fi
}

ratio() { # snarkjs time / tau time (> 1: tau is faster)
  if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]]; then awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; else echo "-"; fi
}

rows=()
add_row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 |"); printf '%-9s %2s  %-15s %9s %9s %8s %10s %9s\n' "$@"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-9s %2s  %-15s %9s %9s %8s %10s %9s\n' curve p operation "snarkjs s" "tau s" "ratio" "snarkjs MiB" "tau MiB"
for curve in $curves; do
  for p in $powers; do
    d="$work/${curve}_$p"; mkdir -p "$d"
    node "$snarkjs_cli" powersoftau new "$curve" "$p" "$d/in.ptau" > /dev/null
    # contribute: both tools on the same fresh file
    measure "${curve}_${p}_contribute_snarkjs" node "$snarkjs_cli" powersoftau contribute "$d/in.ptau" "$d/s_1.ptau" -e="bench entropy" --name=bench
    s_t="$T_SECONDS" s_m="$T_RSS_MIB"
    measure "${curve}_${p}_contribute_tau" dotnet "$TAU_DLL" powersoftau contribute "$d/in.ptau" "$d/t_1.ptau" -e "bench entropy" --name bench --no-attestation --quiet
    add_row "$curve" "$p" contribute "$s_t" "$T_SECONDS" "$(ratio "$s_t" "$T_SECONDS")" "$s_m" "$T_RSS_MIB"
    # verify: both on snarkjs's contributed file
    measure "${curve}_${p}_verify_snarkjs" node "$snarkjs_cli" powersoftau verify "$d/s_1.ptau"
    s_t="$T_SECONDS" s_m="$T_RSS_MIB"
    if tau_has powersoftau verify; then
      measure "${curve}_${p}_verify_tau" dotnet "$TAU_DLL" powersoftau verify "$d/s_1.ptau"
      add_row "$curve" "$p" verify "$s_t" "$T_SECONDS" "$(ratio "$s_t" "$T_SECONDS")" "$s_m" "$T_RSS_MIB"
    else
      add_row "$curve" "$p" verify "$s_t" "n/a" "-" "$s_m" "-"
    fi
    # prepare phase2: both on snarkjs's contributed file
    if (( p > prepare_max_power )); then
      add_row "$curve" "$p" "prepare phase2" "skipped" "skipped" "-" "-" "-"
      rm -rf "$d"; continue
    fi
    measure "${curve}_${p}_prepare_snarkjs" node "$snarkjs_cli" powersoftau prepare phase2 "$d/s_1.ptau" "$d/s_p.ptau"
    s_t="$T_SECONDS" s_m="$T_RSS_MIB"
    if tau_has powersoftau prepare phase2; then
      measure "${curve}_${p}_prepare_tau" dotnet "$TAU_DLL" powersoftau prepare phase2 "$d/s_1.ptau" "$d/t_p.ptau"
      add_row "$curve" "$p" "prepare phase2" "$s_t" "$T_SECONDS" "$(ratio "$s_t" "$T_SECONDS")" "$s_m" "$T_RSS_MIB"
      if [[ -f "$d/t_p.ptau" ]] && ! cmp -s "$d/s_p.ptau" "$d/t_p.ptau"; then echo "warning: prepare phase2 outputs differ ($curve $p)" >&2; fi
    else
      add_row "$curve" "$p" "prepare phase2" "$s_t" "n/a" "-" "$s_m" "-"
    fi
    rm -rf "$d"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$here/results"
out="$here/results/$(date -u +%Y-%m-%dT%H%MZ).md"
{
  echo "# snarkjs $snarkjs_version vs tau — $started"
  echo
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- load average (1/5/15 min) before: $load_before, after: $load_after — a shared machine: figures are noisy"
  echo "- node $(node --version), dotnet $(dotnet --version), tau at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- wall time and peak RSS from /usr/bin/time -v of the whole command (process start included);"
  echo "  ratio = snarkjs time / tau time (above 1: tau is faster); n/a = the verb is not in this tau build;"
  echo "  skipped = prepare phase2 above --prepare-max-power ($prepare_max_power)"
  echo
  echo "| curve | power | operation | snarkjs s | tau s | ratio | snarkjs peak RSS MiB | tau peak RSS MiB |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$out"
echo "written: $out"
