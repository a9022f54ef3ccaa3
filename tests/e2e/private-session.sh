# Sourced inside xvfb-run + dbus-run-session by the e2e run and the benchmarks: a throw-away
# unlocked keyring on the private session bus, background helpers stopped on exit, and
# tauri-driver started on a port of the caller's choosing.
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

dbus-update-activation-environment DISPLAY XAUTHORITY
source "$(dirname "${BASH_SOURCE[0]}")/../../.ci/keyring.sh"

start_tauri_driver() { # start_tauri_driver PORT LOG
  tauri-driver --port "$1" > "$2" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$1/status" >/dev/null && break; sleep 0.1; done
}
