#!/usr/bin/env bash
# Inside the private session of grid-figures.sh: a throw-away keyring and config, tauri-driver,
# then grid-bench.mjs against the release app; then the baseline's memory the same way.
set -euo pipefail
app=$1 rows=$2 rpm=$3 hello=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/private-session.sh"
port=4455
start_tauri_driver "$port" "$(mktemp)"
E2E_APP=$app E2E_DRIVER_URL="http://127.0.0.1:$port" E2E_OUTPUT=$(mktemp -d) \
  GRID_ROWS=$rows GRID_RPM=$rpm HELLO_BIN=$hello node "${GRID_SCRIPT:-$here/grid-bench.mjs}"
