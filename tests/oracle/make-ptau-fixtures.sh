#!/usr/bin/env bash
# Makes the small .ptau / challenge / response fixtures under tests/oracle/fixtures/ptau/ with the
# pinned snarkjs 0.7.6 (tests/oracle/package.json, `npm ci` first). See fixtures/ptau/README.md.
#
# `contribute` and `challenge contribute` mix 64 OS-random bytes into the seed (spec/ptau.md §6), so
# rerunning this script gives DIFFERENT files for those steps (and everything derived from them);
# the committed files are the ones made once. `new`, `beacon` (given its input), `export challenge`,
# `import response`, `prepare phase2` and `truncate` are deterministic.
# The -v logs (printed hashes) are kept next to the files as independent values for hash tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/fixtures/ptau"
snarkjs=(node "$here/node_modules/snarkjs/cli.js")
mkdir -p "$out"
cd "$out"
rm -f ./*.ptau ./*.log ./challenge_* ./response_*

# logplease colours its output; keep plain text only.
export FORCE_COLOR=0 NO_COLOR=1
run() { # run <log> <snarkjs args...>
  local log="$1"; shift
  "${snarkjs[@]}" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' >> "$log"
}

beacon_hash=0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20

for spec in "bn128 4" "bls12381 4"; do
  set -- $spec
  curve=$1 p=$2
  b="${curve}_p${p}"
  log="$b.log"
  : > "$log"
  echo "## powersoftau new $curve $p" >> "$log"
  run "$log" powersoftau new "$curve" "$p" "${b}_0000.ptau" -v
  echo "## powersoftau contribute (name: First contribution)" >> "$log"
  run "$log" powersoftau contribute "${b}_0000.ptau" "${b}_0001.ptau" --name="First contribution" -e="fixture entropy one" -v
  echo "## powersoftau export challenge" >> "$log"
  run "$log" powersoftau export challenge "${b}_0001.ptau" "challenge_${b}_0002" -v
  echo "## powersoftau challenge contribute" >> "$log"
  run "$log" powersoftau challenge contribute "$curve" "challenge_${b}_0002" "response_${b}_0002" -e="fixture entropy two" -v
  echo "## powersoftau import response (name: Imported ✓ contribution)" >> "$log"
  run "$log" powersoftau import response "${b}_0001.ptau" "response_${b}_0002" "${b}_0002.ptau" -n="Imported ✓ contribution" -v
  echo "## powersoftau beacon $beacon_hash 10 (name: Final Beacon)" >> "$log"
  run "$log" powersoftau beacon "${b}_0002.ptau" "${b}_beacon.ptau" "$beacon_hash" 10 -n="Final Beacon" -v
  echo "## powersoftau prepare phase2" >> "$log"
  run "$log" powersoftau prepare phase2 "${b}_beacon.ptau" "${b}_final.ptau" -v
  echo "## powersoftau verify ${b}_final.ptau" >> "$log"
  run "$log" powersoftau verify "${b}_final.ptau"
  echo "## powersoftau truncate" >> "$log"
  # 0.7.6's CLI takes no template argument: it writes <name without .ptau>_NN.ptau (spec/ptau.md §11).
  run "$log" powersoftau truncate "${b}_final.ptau" -v
  echo "## powersoftau export challenge of the fresh file" >> "$log"
  run "$log" powersoftau export challenge "${b}_0000.ptau" "challenge_${b}_0000" -v
done

# A contribution whose name is longer than 64 UTF-16 code units (snarkjs keeps the first 64,
# spec/ptau.md §4) and an import without points (declares 2 sections).
log=bn128_p4_extra.log
: > "$log"
echo "## powersoftau contribute (long name)" >> "$log"
run "$log" powersoftau contribute bn128_p4_0000.ptau bn128_p4_longname.ptau \
  --name="A name of more than sixty-four UTF-16 code units: ééééé ✓✓✓ 😀😀 the end is cut" -e="fixture entropy three" -v
echo "## powersoftau import response --nopoints" >> "$log"
run "$log" powersoftau import response bn128_p4_0001.ptau response_bn128_p4_0002 bn128_p4_nopoints.ptau -n="No points" --nopoints -v
# Importing onto the --nopoints file adopts the response's leading hash as the marker record's nextChallenge.
echo "## powersoftau import response onto the --nopoints file" >> "$log"
run "$log" powersoftau import response bn128_p4_nopoints.ptau response_bn128_p4_0002 bn128_p4_afternopoints.ptau -n="After no points" -v
echo "## powersoftau verify bn128_p4_afternopoints.ptau (expected to FAIL: the same response was imported twice)" >> "$log"
run "$log" powersoftau verify bn128_p4_afternopoints.ptau || true
# Deterministic contributions: fixed-random.mjs makes snarkjs's 64 "OS random" bytes 0x2a, so these are
# reproducible and our implementation can be compared with them byte for byte.
deterministic() { # deterministic <log> <snarkjs args...>
  local log="$1"; shift
  node --import "$here/fixed-random.mjs" "$here/node_modules/snarkjs/cli.js" "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' >> "$log"
}
log=deterministic.log
: > "$log"
echo "## contribute bn128_p4_0000.ptau (random bytes 0x2a x 64, -e=deterministic entropy)" >> "$log"
deterministic "$log" powersoftau contribute bn128_p4_0000.ptau bn128_p4_fixedrandom.ptau --name="Deterministic" -e="deterministic entropy" -v
echo "## contribute bls12381_p4_0001.ptau (random bytes 0x2a x 64, -e=deterministic entropy)" >> "$log"
deterministic "$log" powersoftau contribute bls12381_p4_0001.ptau bls12381_p4_fixedrandom.ptau --name="Deterministic" -e="deterministic entropy" -v
for c in bn128 bls12381; do
  echo "## challenge contribute $c challenge_${c}_p4_0002 (random bytes 0x2a x 64, -e=deterministic entropy)" >> "$log"
  deterministic "$log" powersoftau challenge contribute "$c" "challenge_${c}_p4_0002" "response_${c}_p4_fixedrandom" -e="deterministic entropy" -v
done
ls -l "$out"
du -sh "$out"
