#!/usr/bin/env bash
# Prints the data grid's figures on a sandbox table of ROWS rows (100,000 by default), measured
# on the release app in a private X server and session bus. Rendering is software rendering
# (Mesa's llvmpipe under Xvfb): a desktop with a GPU draws faster.
#   bash tests/bench/grid-figures.sh [ROWS] [REQUESTS_PER_MINUTE]
# REQUESTS_PER_MINUTE (25 by default) is the budget of the sandbox the export runs against, so
# the export's time can be set beside the bound that budget sets. With hello-tauri built (see
# ../shared/baseline/README.md) at $HELLO_BIN or its default place, WebKit's memory is also set
# beside the baseline's.
set -euo pipefail
source "$(dirname "$0")/../../.ci/env.sh"
rows=${1:-100000}
rpm=${2:-25}
(cd "$REPO_ROOT/ui" && npm run --silent build >/dev/null)
cargo build --release -p infolobby-desktop -p infolobby-sandbox --manifest-path "$REPO_ROOT/Cargo.toml"
app="$CARGO_TARGET_DIR/release/infolobby-desktop"
hello=${HELLO_BIN:-$HOME/.cache/infolobby-desktop/hello-target/release/feasapp}
[ -x "$hello" ] || hello=""
exec timeout 1200 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash "$REPO_ROOT/tests/bench/measure-grid.sh" "$app" "$rows" "$rpm" "$hello"
