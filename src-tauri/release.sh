#!/usr/bin/env bash
# Builds release bundles with tauri-cli (the prebuilt npm package, pinned to the tauri version). On Linux it builds the .deb; pass
# bundle names to choose others, e.g. `bash src-tauri/release.sh deb appimage` on a machine that can
# download linuxdeploy. Prints the binary and package sizes and the build time.
set -euo pipefail
source "$(dirname "$0")/../.ci/env.sh"
bash "$REPO_ROOT/.ci/setup.sh"
bundles=("${@:-deb}")
cd "$REPO_ROOT/src-tauri"
start=$SECONDS
npx --yes @tauri-apps/cli@2.12.5 build --ci --bundles "$(IFS=,; echo "${bundles[*]}")"
secs=$((SECONDS - start))
bin="$CARGO_TARGET_DIR/release/infolobby-desktop"
echo "release build: ${secs}s"
echo "binary: $bin ($(du -h "$bin" | cut -f1))"
find "$CARGO_TARGET_DIR/release/bundle" -type f \( -name '*.deb' -o -name '*.AppImage' -o -name '*.msi' -o -name '*.exe' -o -name '*.dmg' \) \
  -newer "$REPO_ROOT/src-tauri/tauri.conf.json" -exec du -h {} \;
