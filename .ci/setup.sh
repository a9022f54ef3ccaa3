#!/usr/bin/env bash
# Installs what building, running and testing need on Debian 12 / Ubuntu 22.04+; skips what is
# already there, so running it again costs seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"

SYSTEM_PACKAGES=(
  # build
  build-essential pkg-config curl file libssl-dev libdbus-1-dev libxdo-dev
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev
  # headless run and tests: X server, session bus, keyring, notifications, WebDriver, screenshots
  xvfb xauth x11-utils dbus dbus-x11 at-spi2-core libglib2.0-bin
  gnome-keyring libsecret-tools dunst webkit2gtk-driver imagemagick fonts-dejavu-core
  # window geometry and a window manager's close request, for the window lifecycle test
  xdotool python3-xlib
  # zone data for the time-zone end-to-end tests (TZ=Pacific/Auckland, America/Los_Angeles)
  tzdata
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${#missing[@]} packages"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || {
  echo "Rust is not installed: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
}
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if [ ! -d "$REPO_ROOT/ui/node_modules" ] || [ "$REPO_ROOT/ui/package-lock.json" -nt "$REPO_ROOT/ui/node_modules/.package-lock.json" ]; then
  step "npm ci"
  (cd "$REPO_ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi

if ! command -v tauri-driver >/dev/null; then
  step "cargo install tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi
