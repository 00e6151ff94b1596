#!/usr/bin/env bash
# Makes the phase-2 fixtures under tests/oracle/fixtures/zkey/ with the pinned snarkjs 0.7.6 and circom2
# 0.2.23 (tests/oracle/package.json, `npm ci` first). See fixtures/zkey/README.md.
#
# Circuit: tests/oracle/circuits/mul.circom, compiled with `circom2 --prime <curve>`; the ptau files are the
# prepared power-4 fixtures of tests/oracle/fixtures/ptau. `zkey contribute` runs under fix-random.js with
# fixed "OS" bytes, so the whole chain is reproducible: rerunning this script gives identical files
# (except circom's wasm, which only feeds the witness).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/fixtures/zkey"
ptau="$here/fixtures/ptau"
snarkjs=(node "$here/node_modules/snarkjs/cli.js")
fixed_snarkjs=(node -r "$here/fix-random.js" "$here/node_modules/snarkjs/cli.js")
circom=(node "$here/node_modules/circom2/cli.js")
mkdir -p "$out"
cd "$out"
rm -f ./*.zkey ./*.r1cs ./*.wasm ./*.wtns ./*.json ./*.log ./*.ptau

export FORCE_COLOR=0 NO_COLOR=1
strip() { sed -e 's/\x1b\[[0-9;]*m//g'; }

# The fixed "OS random" bytes of the two contributions (64 bytes each) and the beacon.
random1=$(printf '%02x' $(seq 1 64))
random2=$(printf '%02x' $(seq 101 164))
beacon_hash=0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for curve in bn128 bls12381; do
  b="mul_${curve}"
  log="$b.log"
  : > "$log"
  "${circom[@]}" "$here/circuits/mul.circom" --r1cs --wasm --prime "$curve" -o "$tmp" > /dev/null
  cp "$tmp/mul.r1cs" "$b.r1cs"
  cp "$tmp/mul_js/mul.wasm" "$b.wasm"
  final="$ptau/${curve}_p4_final.ptau"

  echo "## groth16 setup" >> "$log"
  "${snarkjs[@]}" groth16 setup "$b.r1cs" "$final" "${b}_0000.zkey" -v 2>&1 | strip >> "$log"
  echo "## zkey contribute (FIX_RANDOM_HEX=$random1)" >> "$log"
  FIX_RANDOM_HEX=$random1 "${fixed_snarkjs[@]}" zkey contribute "${b}_0000.zkey" "${b}_0001.zkey" \
    --name="First phase2 contribution" -e="phase2 entropy one" -v 2>&1 | strip >> "$log"
  echo "## zkey contribute (FIX_RANDOM_HEX=$random2)" >> "$log"
  FIX_RANDOM_HEX=$random2 "${fixed_snarkjs[@]}" zkey contribute "${b}_0001.zkey" "${b}_0002.zkey" \
    --name="Second ✓ contribution" -e="phase2 entropy two" -v 2>&1 | strip >> "$log"
  echo "## zkey beacon" >> "$log"
  "${snarkjs[@]}" zkey beacon "${b}_0002.zkey" "${b}_final.zkey" "$beacon_hash" 10 -n="Final Beacon phase2" -v 2>&1 | strip >> "$log"
  echo "## zkey verify" >> "$log"
  "${snarkjs[@]}" zkey verify "$b.r1cs" "$final" "${b}_final.zkey" 2>&1 | strip >> "$log"
  "${snarkjs[@]}" zkey export verificationkey "${b}_final.zkey" "${b}_vk.json" > /dev/null
  "${snarkjs[@]}" zkey export verificationkey "${b}_0000.zkey" "${b}_0000_vk.json" > /dev/null
  "${snarkjs[@]}" zkey export json "${b}_final.zkey" "${b}_final_zkey.json" > /dev/null
  "${snarkjs[@]}" r1cs export json "$b.r1cs" "${b}_r1cs.json" > /dev/null
done

# Another circuit (bn128), for "a zkey of another circuit" negatives.
cat > "$tmp/square.circom" <<'CIRCOM'
pragma circom 2.0.0;
template Square() { signal input x; signal output y; y <== x * x; }
component main = Square();
CIRCOM
"${circom[@]}" "$tmp/square.circom" --r1cs --prime bn128 -o "$tmp" > /dev/null
cp "$tmp/square.r1cs" square_bn128.r1cs
"${snarkjs[@]}" groth16 setup square_bn128.r1cs "$ptau/bn128_p4_final.ptau" square_bn128_0000.zkey > /dev/null

# A degenerate ceremony (tau = alpha = beta = 1: `powersoftau new`, then prepare phase2): every H point is the
# identity. snarkjs's setup makes a key from it; its `zkey verify` verdict on that key is not reproducible (two runs
# on the same files gave "H section does not match" and "ZKey Ok!"), so no verdict is recorded here.
"${snarkjs[@]}" powersoftau new bn128 4 "$tmp/new.ptau" > /dev/null
"${snarkjs[@]}" powersoftau prepare phase2 "$tmp/new.ptau" degenerate_bn128_p4.ptau > /dev/null
"${snarkjs[@]}" groth16 setup mul_bn128.r1cs degenerate_bn128_p4.ptau degenerate_mul_bn128_0000.zkey > /dev/null

echo '{"a": "3", "b": "11", "c": "7", "d": "5"}' > input.json
ls -la
