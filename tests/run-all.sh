#!/usr/bin/env bash
# Sets up a Debian/Ubuntu machine and runs every test: frontend unit tests, all Rust tests, and the
# end-to-end tests that drive the real app window under Xvfb.
set -euo pipefail
source "$(dirname "$0")/../.ci/env.sh"
bash "$REPO_ROOT/.ci/setup.sh"
cd "$REPO_ROOT"

# The app crate embeds ui/dist at compile time, so the frontend is built before any cargo step.
step "frontend: build and unit tests"
(cd ui && npm run --silent build && npx vitest run)

step "rust: all tests (keychain tests against a throw-away gnome-keyring)"
dbus-run-session -- bash .ci/with-keyring.sh cargo test --workspace --locked -- --include-ignored

step "app: debug build"
# --workspace: the same feature set as the test build above, so nothing is compiled twice.
cargo build --locked --workspace

step "end-to-end tests (real window, Xvfb, private session bus)"
bash tests/e2e/run.sh "$APP_BIN" "${E2E_OUTPUT:-$REPO_ROOT/tests/output}"

step "release .deb: build, install with dpkg, run the installed app, remove"
# The Tauri CLI from npm (a prebuilt binary) bundles the release build as users get it.
rm -rf "$CARGO_TARGET_DIR/release/bundle/deb"
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --ci)
bash tests/install/deb.sh "$(ls "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb)" \
  "${E2E_OUTPUT:-$REPO_ROOT/tests/output}/install"
step "all tests passed"
