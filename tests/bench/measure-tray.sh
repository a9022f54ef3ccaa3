#!/usr/bin/env bash
# Inside the private session of tray-figures.sh. The app runs its demo (whose personal-key
# connection the watcher polls) with a 30 s interval. Rendering is WebKit's on a machine
# without a GPU (the app picks it, src-tauri/src/rendering.rs).
set -euo pipefail
app=$1 hello=$2 secs=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../e2e/private-session.sh"

tree() { # the process and all its descendants
  local queue=("$1") out=("$1") kids
  while [ ${#queue[@]} -gt 0 ]; do
    kids=$(pgrep -P "${queue[0]}" || true)
    queue=("${queue[@]:1}")
    for k in $kids; do out+=("$k"); queue+=("$k"); done
  done
  echo "${out[@]}"
}
sum_tree() { # sum_tree PID FILE AWK: AWK's number from /proc/P/FILE, summed over the tree of PID
  local all=0 n
  for p in $(tree "$1"); do
    n=$(awk "$3" "/proc/$p/$2" 2>/dev/null || echo 0)
    all=$((all + ${n:-0}))
  done
  echo "$all"
}
pss_kib() { sum_tree "$1" smaps_rollup '/^Pss:/ {print $2}'; }
# utime + stime; the command name in field 2 may hold spaces, so fields count after it.
ticks() { sum_tree "$1" stat '{ sub(/^.*\) /, ""); print $12 + $13 }'; }
names() { for p in $(tree "$1"); do cat "/proc/$p/comm" 2>/dev/null; done | sort | uniq -c | tr -s ' ' | paste -sd, -; }
window() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1; }
wait_window() { for _ in $(seq 300); do [ -n "$(window "$1")" ] && return 0; sleep 0.1; done; return 1; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# The baseline, window open, 10 s after it appears.
"$hello" > /dev/null 2>&1 &
hpid=$!
wait_window "." || { echo "hello-tauri showed no window" >&2; exit 1; }
sleep 10
hello_open=$(pss_kib "$hpid")
hello_names=$(names "$hpid")
kill "$hpid"; wait "$hpid" 2>/dev/null || true

# The app, window open, the same way.
mkdir -p "$XDG_CONFIG_HOME/com.infolobby.desktop"
echo '{"poll_interval_secs": 30, "close_to_tray": true}' > "$XDG_CONFIG_HOME/com.infolobby.desktop/settings.json"
"$app" --demo > "$XDG_CONFIG_HOME/app.log" 2>&1 &
pid=$!
pids+=($pid)
wait_window 'InfoLobby Desktop$' || { echo "the app showed no window" >&2; exit 1; }
sleep 10
app_open=$(pss_kib "$pid")
app_names=$(names "$pid")

# Closed to the tray: the window's instance hands the tray to a fresh one started --in-tray and
# quits (src-tauri/src/handover.rs); 10 s to settle.
/usr/bin/python3 "$here/../e2e/close-window.py" "$(window 'InfoLobby Desktop$')"
for _ in $(seq 100); do
  tpid=$(pgrep -n -f -- "--after $pid" || true)
  [ -n "$tpid" ] && break
  sleep 0.1
done
[ -n "$tpid" ] || { echo "no instance took over the tray" >&2; exit 1; }
pids+=($tpid)
sleep 10
tray=$(pss_kib "$tpid")
tray_names=$(names "$tpid")
old_gone=$([ -d "/proc/$pid" ] && echo "still running" || echo "gone")
pid=$tpid

# CPU with the window closed, polling every 30 s (the first start's process, as users run it).
hz=$(getconf CLK_TCK)
t0=$(ticks "$pid"); s0=$(date +%s.%N)
sleep "$secs"
t1=$(ticks "$pid"); s1=$(date +%s.%N)
kill "$pid"; wait "$pid" 2>/dev/null || true

# Started at login (--in-tray), for comparison: the same as the instance that took over.
"$app" --in-tray > /dev/null 2>&1 &
ipid=$!
sleep 15
in_tray=$(pss_kib "$ipid")
in_tray_names=$(names "$ipid")
kill "$ipid"; wait "$ipid" 2>/dev/null || true

printf "%-44s %8s %8s\n" "" "MiB" "ratio"
printf "%-44s %8s %8s   (%s)\n" "hello-tauri, window open" "$(mib "$hello_open")" "1.00" "$hello_names"
printf "%-44s %8s %8s   (%s)\n" "InfoLobby Desktop, window open" "$(mib "$app_open")" \
  "$(awk -v a="$app_open" -v b="$hello_open" 'BEGIN { printf "%.2f", a / b }')" "$app_names"
printf "%-44s %8s %8s   (%s; the windowed instance: %s)   target <= 60 MiB\n" "InfoLobby Desktop, closed to the tray" "$(mib "$tray")" \
  "$(awk -v a="$tray" -v b="$hello_open" 'BEGIN { printf "%.2f", a / b }')" "$tray_names" "$old_gone"
printf "%-44s %8s %8s   (%s)\n" "InfoLobby Desktop, started in the tray" "$(mib "$in_tray")" \
  "$(awk -v a="$in_tray" -v b="$hello_open" 'BEGIN { printf "%.2f", a / b }')" "$in_tray_names"
awk -v t="$((t1 - t0))" -v hz="$hz" -v s0="$s0" -v s1="$s1" 'BEGIN {
  printf "CPU in the tray over %.0f s at a 30 s poll: %.3f %% of one core (target <= 0.1 %%)\n", s1 - s0, 100 * t / hz / (s1 - s0) }'
