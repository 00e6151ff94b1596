#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds `tau`, provisions TEST tokens
# (SoftHSM2 + a software TPM + a TEST root CA) in .demo/, makes an attested contribution to the embedded
# ceremony (ceremony/default/pot10_0001.ptau), then verifies the attestation and the transcript.
# Usage: ./run.sh [extra tau options]      (TAU_DEMO_DIR overrides .demo/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
"$here/scripts/setup.sh"
echo "== building tau"
dotnet build src/PowersOfTau.Appliance/PowersOfTau.Appliance.csproj -c Release -nologo -v quiet -o out/tau >/dev/null
tau() { dotnet "$here/out/tau/tau.dll" "$@"; }

state="${TAU_DEMO_DIR:-$here/.demo}"
mkdir -p "$state"
echo "== provisioning TEST tokens in $state"
eval "$(hsm/softhsm/setup.sh "$state/softhsm")"
eval "$(hsm/tpm/setup.sh "$state/tpm")"
trap 'hsm/teardown.sh "$state/tpm" >/dev/null 2>&1 || true' EXIT
eval "$(hsm/ca/mint.sh "$state/ca")"

in="ceremony/default/pot10_0001.ptau"
out="$state/pot10_0002.ptau"
softhsm_rng="pkcs11:token=$TAU_TEST_SOFTHSM_TOKEN?module-path=$TAU_TEST_SOFTHSM_MODULE&pin-source=file:$TAU_TEST_SOFTHSM_PIN_FILE"
tpm_rng="pkcs11:token=$TAU_TEST_TPM_TOKEN?module-path=$TAU_TEST_TPM_MODULE&pin-source=file:$TAU_TEST_TPM_PIN_FILE"
sign_key="pkcs11:token=$TAU_TEST_SOFTHSM_TOKEN;object=ec384?module-path=$TAU_TEST_SOFTHSM_MODULE&pin-source=file:$TAU_TEST_SOFTHSM_PIN_FILE"

echo "== tau powersoftau contribute $in $out"
tau powersoftau contribute "$in" "$out" --force \
  --entropy-source "$softhsm_rng" --entropy-source "tpm:$tpm_rng" \
  --sign "$sign_key" --ceremony-id "powersoftau-demo" "$@"

echo "== tau attest verify $out.cose"
tau attest verify "$out.cose" --root "$TAU_TEST_CA_ROOT_PEM" --input "$in" --output "$out" --transcript "$out"

echo "== tau powersoftau verify $out"
tau powersoftau verify "$out" --quiet 2>/dev/null | tail -n 1
echo "== done: $out and $out.cose (TEST tokens and CA in $state)"
