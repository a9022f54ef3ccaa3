# Shared settings for the project's scripts; sourced, not run.
# The cargo target dir lives outside the clone so rebuilds stay warm across fresh clones.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infolobby-desktop/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-$(nproc)}"
export PATH="$HOME/.cargo/bin:$PATH"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
APP_BIN="$CARGO_TARGET_DIR/debug/infolobby-desktop"
export APP_BIN

t0=${t0:-$SECONDS}
step() { echo "=== [$((SECONDS - t0))s] $*"; }
