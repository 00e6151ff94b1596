#!/usr/bin/env bash
# Runs every test (unit, real tokens, snarkjs interop, slow cases included). `./test.sh --fast` skips the
# cases marked [Trait("Category","Slow")] for a quick local loop.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
./scripts/setup.sh
filter=()
if [ "${1:-}" = "--fast" ]; then filter=(--filter "Category!=Slow"); fi
dotnet build PowersOfTau.sln -c Release -nologo -v quiet
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test PowersOfTau.sln -c Release --no-build -nologo "${filter[@]}" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
