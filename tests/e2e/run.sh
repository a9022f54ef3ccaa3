#!/usr/bin/env bash
# Runs the end-to-end tests against a built app binary, in a private X server and session bus.
#   bash tests/e2e/run.sh PATH/TO/infolobby-desktop [OUTPUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=$(readlink -f "$1")
out=$(mkdir -p "${2:-$here/../output}" && cd "${2:-$here/../output}" && pwd)
[ -x "$app" ] || { echo "e2e: no app binary at $1" >&2; exit 1; }
exec timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash "$here/session.sh" "$app" "$out"
