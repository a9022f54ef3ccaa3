#!/usr/bin/env bash
# Installs the release .deb the way a user does (dpkg), runs the installed binary in a private X
# server and session bus with a throw-away home, checks the window, the tray menu on the bus and
# the start-at-login entry, then removes the package.
#   bash tests/install/deb.sh PATH/TO/infolobby-desktop_*.deb [OUTPUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deb=$(readlink -f "$1")
out=$(mkdir -p "${2:-$here/../output/install}" && cd "${2:-$here/../output/install}" && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
package=$(dpkg-deb -f "$deb" Package)
echo "installing $package from $(basename "$deb") ($(du -h "$deb" | cut -f1))"
$sudo dpkg -i "$deb"
trap '$sudo dpkg -r "$package" >/dev/null && echo "removed $package"' EXIT
app=$(dpkg -L "$package" | grep -E '^/usr/bin/' | head -1)
[ -x "$app" ] || { echo "the package installs no binary under /usr/bin" >&2; exit 1; }
dpkg -L "$package" | grep -q '\.desktop$' || { echo "the package installs no .desktop entry" >&2; exit 1; }
timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash "$here/session.sh" "$app" "$out"
