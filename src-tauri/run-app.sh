#!/usr/bin/env bash
# Sets up a Debian/Ubuntu machine, builds InfoLobby Desktop and starts it.
set -euo pipefail
source "$(dirname "$0")/../.ci/env.sh"
bash "$REPO_ROOT/.ci/setup.sh"
cd "$REPO_ROOT"
step "frontend build"
(cd ui && npm run --silent build)
step "app build"
# --workspace: the same feature set as the test build, so the two share compiled crates.
cargo build --locked --workspace
step "starting InfoLobby Desktop"
# --demo: with no connection configured yet, the app starts its built-in demo right away.
exec "$APP_BIN" --demo "$@"
