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
exec "$APP_BIN" "$@"
