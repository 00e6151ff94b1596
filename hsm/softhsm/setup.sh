#!/usr/bin/env bash
# Provisions a private SoftHSM2 token for tests and demos (see shared notes tokens.md §1):
#   hsm/softhsm/setup.sh DIR [LABEL]
# DIR gets its own softhsm2.conf (never the system-wide /etc/softhsm one), a token LABEL (default
# "tau-softhsm") with user PIN 123456 / SO PIN 12345678 (TEST credentials), an EC P-256 signing key
# (label ec256, CKA_ID 01) and an EC P-384 signing key (label ec384, CKA_ID 02), and a PIN file.
# Idempotent: a second run with the same DIR and LABEL keeps the existing token and keys.
# Prints the environment the tests need as `export VAR=...` lines on stdout; everything else goes to stderr.
# SoftHSM reads SOFTHSM2_CONF with native getenv(), so it must be in the real process environment
# (Environment.SetEnvironmentVariable does not reach it; tokens.md cross-cutting finding 2).
set -euo pipefail
D="${1:?usage: hsm/softhsm/setup.sh DIR [LABEL]}"
LABEL="${2:-tau-softhsm}"
MOD=/usr/lib/softhsm/libsofthsm2.so
PIN=123456; SOPIN=12345678
[ -e "$MOD" ] || { echo "softhsm: $MOD not found (apt-get install softhsm2)" >&2; exit 3; }
mkdir -p "$D/tokens"
D="$(cd "$D" && pwd)"
cat > "$D/softhsm2.conf" <<CONF
directories.tokendir = $D/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
slots.mechanisms = ALL
CONF
export SOFTHSM2_CONF="$D/softhsm2.conf"
umask 077
printf '%s\n' "$PIN" > "$D/user.pin"
printf 'wrong-%s\n' "$PIN" > "$D/wrong.pin"

# The token is found by label, never by slot number: SoftHSM reassigns the slot id at init.
if ! softhsm2-util --show-slots 2>/dev/null | grep -q "Label: *$LABEL *$"; then
  softhsm2-util --init-token --free --label "$LABEL" --so-pin "$SOPIN" --pin "$PIN" >&2
fi
# pkcs11-tool 0.23's --token-label matches by PREFIX and takes the first slot ("tau-softhsm" also selects
# "tau-softhsm-2"), so resolve the exact label to a slot id from `pkcs11-tool -L` and pass --slot.
slot_of() {  # slot_of MODULE LABEL -> slot id in hex, exact label match
  pkcs11-tool --module "$1" -L 2>/dev/null | awk -v want="$2" '
    /^Slot [0-9]+ \(0x[0-9a-f]+\)/ { match($0, /\(0x[0-9a-f]+\)/); slot = substr($0, RSTART + 1, RLENGTH - 2) }
    /token label *:/ { l = $0; sub(/^[^:]*: /, "", l); sub(/ +$/, "", l); if (l == want) { print slot; exit } }'
}
SLOT="$(slot_of "$MOD" "$LABEL")"
[ -n "$SLOT" ] || { echo "softhsm: token $LABEL not found after init" >&2; exit 3; }
P11=(pkcs11-tool --module "$MOD" --slot "$SLOT" --login --pin "$PIN")
have_key() { "${P11[@]}" --list-objects --type privkey 2>/dev/null | grep -q "label: *$1\$"; }
have_key ec256 || "${P11[@]}" --keypairgen --key-type EC:secp256r1 --label ec256 --id 01 --usage-sign >&2
have_key ec384 || "${P11[@]}" --keypairgen --key-type EC:secp384r1 --label ec384 --id 02 --usage-sign >&2
SERIAL="$(softhsm2-util --show-slots | awk -v l="$LABEL" '/Serial number:/{s=$3} /Label:/{sub(/^ *Label: */,""); if ($0 ~ "^"l" *$") {print s; exit}}')"

cat <<ENV
export SOFTHSM2_CONF=$D/softhsm2.conf
export TAU_TEST_SOFTHSM_MODULE=$MOD
export TAU_TEST_SOFTHSM_TOKEN=$LABEL
export TAU_TEST_SOFTHSM_SERIAL=$SERIAL
export TAU_TEST_SOFTHSM_PIN_FILE=$D/user.pin
export TAU_TEST_SOFTHSM_WRONG_PIN_FILE=$D/wrong.pin
ENV
