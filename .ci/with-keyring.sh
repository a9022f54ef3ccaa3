#!/usr/bin/env bash
# Runs a command with a real, unlocked, throw-away Secret Service:
#   dbus-run-session -- bash .ci/with-keyring.sh COMMAND...
set -euo pipefail
source "$(dirname "$0")/keyring.sh"
exec "$@"
