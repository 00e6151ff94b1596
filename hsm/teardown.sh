#!/usr/bin/env bash
# Stops what hsm/tpm/setup.sh started in DIR (only the swtpm whose PID file is in DIR) and, with --rm,
# deletes DIR. SoftHSM needs no teardown (no daemon): deleting its DIR is enough.
#   hsm/teardown.sh DIR [--rm]
set -euo pipefail
D="${1:?usage: hsm/teardown.sh DIR [--rm]}"
for pidfile in "$D/swtpm.pid" "$D"/*/swtpm.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && grep -q swtpm "/proc/$pid/comm" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  fi
  rm -f "$pidfile"
done
if [ "${2:-}" = "--rm" ]; then rm -rf "$D"; fi
