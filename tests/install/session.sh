#!/usr/bin/env bash
# Inside xvfb-run + dbus-run-session: a home of its own (start at login writes to
# ~/.config/autostart), the e2e session's keyring and tauri-driver, then the install test.
set -euo pipefail
app=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
export HOME
HOME=$(mktemp -d)
source "$here/../e2e/private-session.sh"
# Not 4445: tauri-driver gives that to WebKitWebDriver.
port=${E2E_DRIVER_PORT:-4460}
start_tauri_driver "$port" "$out/tauri-driver.log"
E2E_APP=$app E2E_OUTPUT=$out E2E_DRIVER_URL="http://127.0.0.1:$port" INSTALL_HOME=$HOME \
  node --test --test-reporter=spec "$here/installed.test.mjs"
