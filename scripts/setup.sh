#!/usr/bin/env bash
# Installs what PowersOfTau needs on a fresh Debian machine (idempotent): apt packages for the real test
# tokens (SoftHSM2, swtpm + tpm2-pkcs11, pcscd + vpcd), Node.js for the snarkjs oracle, `npm ci` of the
# pinned oracle, and the .NET build. Prints what it does; quiet when everything is already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in softhsm2 opensc swtpm swtpm-tools tpm2-tools libtpm2-pkcs11-1 libtpm2-pkcs11-tools tpm2-abrmd pcscd pcsc-tools libpcsclite1 python3-cbor2 python3-cryptography xxd nodejs npm openssl; do
  have_pkg "$p" || need_apt+=("$p")
done
# nodejs/npm may come from elsewhere (the image ships node): skip them when the commands exist.
if command -v node >/dev/null && command -v npm >/dev/null; then
  need_apt=("${need_apt[@]/nodejs}"); need_apt=("${need_apt[@]/npm}")
fi
pkgs=(); for p in "${need_apt[@]}"; do [ -n "$p" ] && pkgs+=("$p"); done
if [ ${#pkgs[@]} -gt 0 ]; then
  echo "setup: installing ${pkgs[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 2; }

if [ ! -d tests/oracle/node_modules/snarkjs ] || [ tests/oracle/package-lock.json -nt tests/oracle/node_modules/.package-lock.json ]; then
  echo "setup: npm ci (pinned snarkjs oracle)"
  (cd tests/oracle && npm ci --no-audit --no-fund --loglevel=error)
fi
