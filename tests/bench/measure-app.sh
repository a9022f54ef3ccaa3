#!/usr/bin/env bash
# Inside the private session of app-figures.sh: starts the app `runs` times with fresh config and
# data (a first launch that seeds the demo) and once more on the data the last run left (an
# everyday start), and prints, per start: time to a visible window, time until the demo's
# connections are saved (the demo server is up and the window asked for them), memory (PSS) of
# the app with its WebKit processes after it settles, and time to quit on SIGTERM.
set -euo pipefail
app=$1 runs=$2
here=$(cd "$(dirname "$0")" && pwd)
dbus-update-activation-environment DISPLAY XAUTHORITY
source "$here/../../.ci/keyring.sh"

now_ms() { date +%s%3N; }

# Memory in MiB of a process and all its descendants (the WebKit web and network processes are
# children of the app), as "total (app + webkit)". PSS, not RSS: shared libraries are counted
# once across the processes instead of once per process.
tree_pss_mib() {
  local pids=("$1") queue=("$1") kids app=0 all=0 kb
  while [ ${#queue[@]} -gt 0 ]; do
    kids=$(pgrep -P "${queue[0]}" || true)
    queue=("${queue[@]:1}")
    for k in $kids; do pids+=("$k"); queue+=("$k"); done
  done
  for p in "${pids[@]}"; do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    all=$((all + ${kb:-0}))
    [ "$p" != "$1" ] || app=${kb:-0}
  done
  printf "%4d MiB (app %d + WebKit %d)" $((all / 1024)) $((app / 1024)) $(((all - app) / 1024))
}

wait_for() { # wait_for TIMEOUT_S COMMAND...: polls every 20 ms
  local end=$(( $(now_ms) + $1 * 1000 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(now_ms)" -lt "$end" ] || return 1
    sleep 0.02
  done
}

window_visible() { xdotool search --onlyvisible --name 'InfoLobby Desktop$'; }
demo_saved() { grep -qs demo-owner "$XDG_CONFIG_HOME/com.infolobby.desktop/connections.json"; }

start_once() { # start_once LABEL
  local t0 pid t_win t_demo mem t_quit seeded=no
  demo_saved && seeded=yes
  t0=$(now_ms)
  "$app" --demo >/dev/null 2>&1 &
  pid=$!
  wait_for 60 window_visible || { echo "$1: no window after 60 s" >&2; kill "$pid"; return 1; }
  t_win=$(( $(now_ms) - t0 ))
  wait_for 60 demo_saved || { echo "$1: demo not ready after 60 s" >&2; kill "$pid"; return 1; }
  t_demo=$(( $(now_ms) - t0 ))
  [ "$seeded" = no ] || t_demo=-1
  sleep 8 # let the window render the workspaces and the watcher do its first round
  mem=$(tree_pss_mib "$pid")
  t0=$(now_ms)
  kill -TERM "$pid"
  wait "$pid" || true
  t_quit=$(( $(now_ms) - t0 ))
  local demo="demo ready $(printf %5d "$t_demo") ms"
  [ "$t_demo" -ge 0 ] || demo="(demo already set up)"
  printf "%-18s window %5d ms   %-22s   memory %s   quit %4d ms\n" "$1" "$t_win" "$demo" "$mem" "$t_quit"
}

for i in $(seq "$runs"); do
  export XDG_CONFIG_HOME XDG_DATA_HOME
  XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d)
  start_once "first launch #$i"
done
start_once "everyday start"
