#!/usr/bin/env bash
# Provisions a software TPM 2.0 behind tpm2-pkcs11 for tests and demos (see shared notes tokens.md §2):
#   hsm/tpm/setup.sh DIR [LABEL]
# Starts swtpm in socket mode on loopback (127.0.0.1, a free port PORT for commands and PORT+1 for control),
# creates a tpm2-pkcs11 store in DIR/p11store, a token LABEL (default "tau-tpm") with user PIN 123456 /
# SO PIN 12345678 (TEST credentials) and an EC P-256 signing key (label ec256, CKA_ID 01).
# Idempotent: if the swtpm of DIR is still running and the token exists, it only prints the environment.
# SWTPM_LOG_LEVEL (default 1): swtpm's log level for DIR/swtpm.log; at 20 every TPM command and response is
# logged in hex, which lets tests see the TPM2_GetRandom (command code 0x17B) calls themselves.
# Prints `export VAR=...` lines on stdout; stop it with hsm/teardown.sh DIR.
#
# Quirks of this stack (all observed on Debian 12: swtpm 0.7.1, tpm2-pkcs11 1.9.0, tpm2-tools 5.4):
# - No /dev/tpm* here, no CUSE: only `swtpm socket` over TCP works. Keep the TCTI configurable:
#   production uses TPM2_PKCS11_TCTI=device:/dev/tpmrm0.
# - swtpm_setup's default config writes a CA into the system-wide /var/lib/swtpm-localca: use a private one.
# - `--flags not-need-init,startup-clear`, otherwise someone has to send TPM2_Startup.
# - No resource manager: swtpm has 3 object slots and tpm2_ptool leaks transient handles, so
#   `tpm2_ptool addtoken/addkey` fail with "out of memory for object contexts". We run
#   `tpm2_flushcontext -t` after `tpm2_ptool init` and create token, PIN and keys through PKCS#11 instead.
# - TPM2_PKCS11_STORE and TPM2_PKCS11_TCTI must be in the real process environment (native getenv);
#   without the store variable the library silently uses an empty store in $HOME/.tpm2_pkcs11.
# - swtpm serves one TCP client at a time; the swtpm TCTI does not hold the connection between commands.
# - TPM2_GetRandom answers at most 64 bytes a call (TPM2_PT_MAX_DIGEST); tpm2-pkcs11 loops for us.
# - pkcs11-tool selects keys by --id, not by --label (--label is ignored by --sign).
set -euo pipefail
D="${1:?usage: hsm/tpm/setup.sh DIR [LABEL]}"
LABEL="${2:-tau-tpm}"
MOD=/usr/lib/x86_64-linux-gnu/pkcs11/libtpm2_pkcs11.so
PIN=123456; SOPIN=12345678
[ -e "$MOD" ] || { echo "tpm: $MOD not found (apt-get install libtpm2-pkcs11-1)" >&2; exit 3; }
for t in swtpm swtpm_setup tpm2_ptool tpm2_flushcontext tpm2_getrandom pkcs11-tool; do
  command -v "$t" >/dev/null || { echo "tpm: $t not found (apt-get install swtpm swtpm-tools tpm2-tools libtpm2-pkcs11-tools opensc)" >&2; exit 3; }
done
mkdir -p "$D"
D="$(cd "$D" && pwd)"
umask 077
printf '%s\n' "$PIN" > "$D/user.pin"

running() { [ -f "$D/swtpm.pid" ] && kill -0 "$(cat "$D/swtpm.pid")" 2>/dev/null; }

print_env() {
  cat <<ENV
export TPM2_PKCS11_TCTI=swtpm:host=127.0.0.1,port=$(cat "$D/port")
export TPM2_PKCS11_STORE=$D/p11store
export TPM2TOOLS_TCTI=swtpm:host=127.0.0.1,port=$(cat "$D/port")
export TAU_TEST_TPM_MODULE=$MOD
export TAU_TEST_TPM_TOKEN=$LABEL
export TAU_TEST_TPM_PIN_FILE=$D/user.pin
export TAU_TEST_TPM_SWTPM_PID=$(cat "$D/swtpm.pid")
export TAU_TEST_TPM_SWTPM_LOG=$D/swtpm.log
ENV
}

if running && [ -f "$D/provisioned" ]; then print_env; exit 0; fi
if running; then kill "$(cat "$D/swtpm.pid")"; sleep 0.2; fi
rm -rf "$D/tpm" "$D/p11store" "$D/localca" "$D/provisioned"
mkdir -p "$D/tpm" "$D/p11store" "$D/localca"

# 1) manufacture the TPM (EK certificates in NV, signed by a throwaway CA in DIR).
cat > "$D/localca.conf" <<CONF
statedir = $D/localca
signingkey = $D/localca/signkey.pem
issuercert = $D/localca/issuercert.pem
certserial = $D/localca/certserial
CONF
cat > "$D/swtpm_setup.conf" <<CONF
create_certs_tool = /usr/bin/swtpm_localca
create_certs_tool_config = $D/localca.conf
create_certs_tool_options = /etc/swtpm-localca.options
active_pcr_banks = sha256
CONF
swtpm_setup --tpm2 --config "$D/swtpm_setup.conf" --tpmstate "$D/tpm" \
  --create-ek-cert --create-platform-cert --lock-nvram --overwrite > "$D/swtpm_setup.log" 2>&1 \
  || { echo "tpm: swtpm_setup failed, see $D/swtpm_setup.log" >&2; exit 3; }

# 2) a free loopback port pair (PORT, PORT+1), then start swtpm as a daemon with a PID file.
PORT="$(/usr/bin/python3 - <<'PY'
import random, socket
for _ in range(200):
    p = random.randrange(20000, 60000, 2)
    try:
        socks = []
        for q in (p, p + 1):
            s = socket.socket(); s.bind(("127.0.0.1", q)); socks.append(s)
        for s in socks: s.close()
        print(p); break
    except OSError:
        for s in socks: s.close()
PY
)"
[ -n "$PORT" ] || { echo "tpm: no free loopback port pair" >&2; exit 3; }
echo "$PORT" > "$D/port"
swtpm socket --tpm2 --tpmstate dir="$D/tpm" \
  --server type=tcp,port="$PORT",bindaddr=127.0.0.1 --ctrl type=tcp,port=$((PORT+1)),bindaddr=127.0.0.1 \
  --flags not-need-init,startup-clear --pid file="$D/swtpm.pid" --log file="$D/swtpm.log",level="${SWTPM_LOG_LEVEL:-1}" --daemon
export TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$PORT"
export TPM2_PKCS11_TCTI="$TPM2TOOLS_TCTI"
export TPM2_PKCS11_STORE="$D/p11store"
for _ in $(seq 50); do tpm2_getrandom 1 >/dev/null 2>&1 && break; sleep 0.1; done
tpm2_getrandom 1 >/dev/null 2>&1 || { echo "tpm: swtpm on 127.0.0.1:$PORT does not answer, see $D/swtpm.log" >&2; exit 3; }

# 3) store + primary key, then flush the transient handles tpm2_ptool leaves behind.
tpm2_ptool init --path "$D/p11store" >&2
tpm2_flushcontext -t

# 4) token, PIN and key through PKCS#11 itself (binary CKA_ID; ptool's --id would be text).
P=(pkcs11-tool --module "$MOD")
"${P[@]}" --slot-index 0 --init-token --label "$LABEL" --so-pin "$SOPIN" >&2
"${P[@]}" --token-label "$LABEL" --login --login-type so --so-pin "$SOPIN" --init-pin --pin "$PIN" >&2
"${P[@]}" --token-label "$LABEL" --login --pin "$PIN" --keypairgen --key-type EC:secp256r1 --label ec256 --id 01 >&2

# 5) the TPM's ECC EK certificate (issued by swtpm's local CA) as PEM, for attestation experiments.
tpm2_nvread 0x1c00016 -o "$D/ek_ecc.nv" 2>/dev/null && \
  openssl x509 -inform DER -in "$D/ek_ecc.nv" -out "$D/ek_ecc.pem" 2>/dev/null || true
touch "$D/provisioned"
print_env
