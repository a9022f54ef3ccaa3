#!/usr/bin/env bash
# Takes a set of screenshots in light and dark, with a fresh profile, into this folder:
#   bash tests/screenshots/take.sh record PATH/TO/infolobby-desktop   (record page, notifications)
#   bash tests/screenshots/take.sh offline PATH/TO/infolobby-desktop  (command palette, offline record)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
set_name=$1
app=$(readlink -f "$2")
[ -f "$here/take-$set_name.mjs" ] || { echo "no screenshot set named $set_name" >&2; exit 2; }
exec timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  export WEBKIT_DISABLE_DMABUF_RENDERER=0 XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
  source "$0/../e2e/private-session.sh"
  APP="$1" E2E_APP="$1" E2E_OUTPUT=$(mktemp -d) OUT="$0" node "$0/take-$2.mjs"' "$here" "$app" "$set_name"
