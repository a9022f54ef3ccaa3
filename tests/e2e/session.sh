#!/usr/bin/env bash
# Inside xvfb-run + dbus-run-session: a throw-away unlocked keyring, a notification daemon that can
# reach the display, tauri-driver, then the node:test suites one at a time (the app is
# single-instance, so two tests may not run it at once).
set -euo pipefail
app=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/private-session.sh"
# With no GPU the app asks WebKit to paint into shared memory (src-tauri/src/rendering.rs), and
# there WebKitWebDriver's screenshots never return. The tests keep WebKit's default renderer;
# tests/bench/grid-figures.sh measures the app as it runs on such a machine.
export WEBKIT_DISABLE_DMABUF_RENDERER=${WEBKIT_DISABLE_DMABUF_RENDERER:-0}
# Downloads go to a throw-away folder the tests can read, not the real ~/Downloads.
export E2E_DOWNLOADS
E2E_DOWNLOADS=$(mktemp -d)
echo "XDG_DOWNLOAD_DIR=\"$E2E_DOWNLOADS\"" > "$XDG_CONFIG_HOME/user-dirs.dirs"

dbus-monitor --session "interface='org.freedesktop.Notifications'" > "$out/notifications.log" 2>&1 &
pids+=($!)

port=${E2E_DRIVER_PORT:-4444}
start_tauri_driver "$port" "$out/tauri-driver.log"

# E2E_ONLY="02-connections 08-files" runs some files (in order; later files build on the demo
# state earlier ones leave), for working on one feature. CI runs them all.
files=("$here"/*.test.mjs)
if [ -n "${E2E_ONLY:-}" ]; then
  files=()
  for name in $E2E_ONLY; do files+=("$here/$name.test.mjs"); done
fi
E2E_APP=$app E2E_OUTPUT=$out E2E_DRIVER_URL="http://127.0.0.1:$port" \
  node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
