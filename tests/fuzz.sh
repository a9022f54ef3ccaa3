#!/usr/bin/env bash
# Fuzzes the sandbox's request parsing and the client's decoders for MINUTES each (default 1),
# side by side, and prints executions and failures. CI runs a short pass inside `cargo test`.
#   bash tests/fuzz.sh 10
set -euo pipefail
source "$(dirname "$0")/../.ci/env.sh"
cd "$REPO_ROOT"
minutes="${1:-1}"
secs=$((minutes * 60))
cargo test --locked -p infolobby-sandbox -p infolobby --test fuzz --no-run >/dev/null 2>&1
step "fuzzing for $minutes min per target"
export FUZZ_SECS=$secs RUST_BACKTRACE=0
run() { cargo test --locked -p "$1" --test fuzz -- --nocapture --test-threads=1 2>&1 | grep -E 'fuzz [a-z-]+: |^  [^ ]|test result|panicked at|^  left|^ right' || true; }
run infolobby-sandbox > /tmp/fuzz-sandbox.$$ &
run infolobby > /tmp/fuzz-client.$$
wait
cat /tmp/fuzz-sandbox.$$ /tmp/fuzz-client.$$
rm -f /tmp/fuzz-sandbox.$$ /tmp/fuzz-client.$$
