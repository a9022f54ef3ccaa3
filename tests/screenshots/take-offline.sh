#!/usr/bin/env bash
# Takes the command palette and offline record screenshots in light and dark, with a fresh profile:
#   bash tests/screenshots/take-offline.sh PATH/TO/infolobby-desktop
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=$(readlink -f "$1")
exec timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  export WEBKIT_DISABLE_DMABUF_RENDERER=0 XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
  source "$0/../e2e/private-session.sh"
  APP="$1" E2E_APP="$1" E2E_OUTPUT=$(mktemp -d) OUT="$0" node "$0/take-offline.mjs"' "$here" "$app"
