#!/usr/bin/env bash
# Mints a ceremony TEST root CA with openssl and certificates for keys held in the test tokens:
#   eval "$(hsm/softhsm/setup.sh S)"; eval "$(hsm/tpm/setup.sh T)"; hsm/ca/mint.sh DIR
# The root CA (EC P-384, "PowersOfTau ceremony TEST root CA") is created once in DIR and reused.
# For each token whose TAU_TEST_* variables are set (as printed by the setup scripts) it certifies
# SoftHSM ec256 (CKA_ID 01) and ec384 (CKA_ID 02), TPM ec256 (CKA_ID 01): the public key comes from the
# token's CKA_EC_POINT (pkcs11-tool 0.23 cannot export EC public keys on OpenSSL 3, tokens.md finding 6),
# wrapped in a SubjectPublicKeyInfo; openssl signs it with -force_pubkey. The certificate is written to
# DIR as PEM and stored back on the token as a CKO_CERTIFICATE object with the key's CKA_ID and the
# label cert-<key label> (any older certificate object with that CKA_ID is replaced).
# Prints `export VAR=...` lines: TAU_TEST_CA_ROOT_PEM and TAU_TEST_CERT_<TOKEN>_<KEY> per certificate.
# NOT for production: the root key sits unencrypted in DIR.
set -euo pipefail
D="${1:?usage: hsm/ca/mint.sh DIR}"
mkdir -p "$D"; D="$(cd "$D" && pwd)"
umask 077

if [ ! -f "$D/root.pem" ] || [ ! -f "$D/root.key" ]; then
  openssl ecparam -name secp384r1 -genkey -noout -out "$D/root.key"
  openssl req -x509 -new -key "$D/root.key" -sha384 -days 3650 -out "$D/root.pem" \
    -subj "/O=PowersOfTau TEST/CN=PowersOfTau ceremony TEST root CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash"
fi
echo "export TAU_TEST_CA_ROOT_PEM=$D/root.pem"

cat > "$D/leaf.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
[ -f "$D/csr.key" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$D/csr.key"

# pkcs11-tool 0.23's --token-label matches by PREFIX and takes the first slot ("tau-softhsm" also selects
# "tau-softhsm-2"), so resolve the exact label to a slot id from `pkcs11-tool -L` and pass --slot.
slot_of() {  # slot_of MODULE LABEL -> slot id in hex, exact label match
  pkcs11-tool --module "$1" -L 2>/dev/null | awk -v want="$2" '
    /^Slot [0-9]+ \(0x[0-9a-f]+\)/ { match($0, /\(0x[0-9a-f]+\)/); slot = substr($0, RSTART + 1, RLENGTH - 2) }
    /token label *:/ { l = $0; sub(/^[^:]*: /, "", l); sub(/ +$/, "", l); if (l == want) { print slot; exit } }'
}

# certify NAME MODULE TOKEN PINFILE KEYLABEL KEYID
certify() {
  local name="$1" mod="$2" token="$3" pinfile="$4" label="$5" id="$6"
  local pin; pin="$(head -n1 "$pinfile")"
  local slot; slot="$(slot_of "$mod" "$token")"
  [ -n "$slot" ] || { echo "ca: token $token not found in $mod" >&2; exit 3; }
  local p11=(pkcs11-tool --module "$mod" --slot "$slot" --login --pin "$pin")
  local point
  point="$("${p11[@]}" --list-objects --type pubkey 2>/dev/null \
    | awk -v id="$id" '/EC_POINT:/{p=$2} /^ *ID:/{if ($2 == id) {print p; exit}}')"
  [ -n "$point" ] || { echo "ca: no EC public key with CKA_ID $id on token $token" >&2; exit 3; }
  local prefix
  case "${point:0:4}" in
    0441) prefix=3059301306072a8648ce3d020106082a8648ce3d030107034200 ;;   # P-256 SPKI header
    0461) prefix=3076301006072a8648ce3d020106052b81040022036200 ;;         # P-384 SPKI header
    *) echo "ca: key $id on $token is not P-256/P-384 (EC_POINT ${point:0:4}…)" >&2; exit 3 ;;
  esac
  local base="$D/$name-$label"
  echo "$prefix${point:4}" | xxd -r -p > "$base.spki.der"
  openssl pkey -pubin -inform DER -in "$base.spki.der" -out "$base.pub.pem"
  openssl req -new -key "$D/csr.key" -subj "/O=PowersOfTau TEST/CN=$token $label" -out "$base.csr"
  openssl x509 -req -in "$base.csr" -force_pubkey "$base.pub.pem" -CA "$D/root.pem" -CAkey "$D/root.key" \
    -CAcreateserial -days 1825 -sha384 -extfile "$D/leaf.ext" -out "$base.pem" 2>/dev/null
  openssl x509 -in "$base.pem" -outform DER -out "$base.der"
  "${p11[@]}" --delete-object --type cert --id "$id" >/dev/null 2>&1 || true
  "${p11[@]}" --write-object "$base.der" --type cert --id "$id" --label "cert-$label" >/dev/null
  local var; var="TAU_TEST_CERT_$(echo "${name}_$label" | tr '[:lower:]-' '[:upper:]_')"
  echo "export $var=$base.pem"
}

if [ -n "${TAU_TEST_SOFTHSM_MODULE:-}" ]; then
  certify softhsm "$TAU_TEST_SOFTHSM_MODULE" "$TAU_TEST_SOFTHSM_TOKEN" "$TAU_TEST_SOFTHSM_PIN_FILE" ec256 01
  certify softhsm "$TAU_TEST_SOFTHSM_MODULE" "$TAU_TEST_SOFTHSM_TOKEN" "$TAU_TEST_SOFTHSM_PIN_FILE" ec384 02
fi
if [ -n "${TAU_TEST_TPM_MODULE:-}" ]; then
  certify tpm "$TAU_TEST_TPM_MODULE" "$TAU_TEST_TPM_TOKEN" "$TAU_TEST_TPM_PIN_FILE" ec256 01
fi
