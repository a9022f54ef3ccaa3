#!/usr/bin/env bash
# Prints the desktop app's start-up and memory figures, measured on the real app in a private X
# server and session bus (nothing of yours is touched):
#   bash tests/bench/app-figures.sh [PATH/TO/infolobby-desktop] [RUNS]
# Without a path it builds the release binary first (the figures that matter to users).
set -euo pipefail
source "$(dirname "$0")/../../.ci/env.sh"
app=${1:-}
runs=${2:-3}
if [ -z "$app" ]; then
  (cd "$REPO_ROOT/ui" && npm run --silent build >/dev/null)
  cargo build --release -p infolobby-desktop --manifest-path "$REPO_ROOT/Cargo.toml"
  app="$CARGO_TARGET_DIR/release/infolobby-desktop"
fi
app=$(readlink -f "$app")
echo "app: $app ($(du -h "$app" | cut -f1))"
exec xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash "$REPO_ROOT/tests/bench/measure-app.sh" "$app" "$runs"
