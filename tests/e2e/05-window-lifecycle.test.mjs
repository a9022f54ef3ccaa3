// The window comes back where the user left it, and closing it keeps the app in the tray.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { alive, exitWithin, launch, trayTakeover, waitUntil } from "./app-process.mjs";
import { trayMenuOf } from "./dbus.mjs";

const here = import.meta.dirname;
const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
const windowOf = () => {
  try {
    return xdotool("search", "--onlyvisible", "--name", "InfoLobby Desktop$").split("\n")[0];
  } catch {
    return ""; // xdotool exits 1 when nothing matches
  }
};
/** The visible window of a started app, once the app is ready (its tray is up). */
async function readyWindow(app) {
  await waitUntil(() => trayMenuOf(app.pid), 20000, "the app to be ready");
  return waitUntil(windowOf, 5000, "the window");
}
const geometry = (id) => xdotool("getwindowgeometry", id).replace(/\s+/g, " ");

test("size and position are remembered across a restart", async () => {
  const first = launch("window-first.log");
  try {
    const id = await readyWindow(first);
    xdotool("windowsize", id, "900", "600");
    xdotool("windowmove", id, "50", "40");
    await waitUntil(() => geometry(id).includes("900x600"), 5000, "the resize");
    first.kill("SIGTERM");
    const status = await exitWithin(first, 10000);
    assert.equal(status?.code, 0, "SIGTERM quits cleanly");
  } finally {
    first.kill("SIGKILL");
  }
  const second = launch("window-second.log");
  try {
    const id = await readyWindow(second);
    const g = geometry(id);
    assert.match(g, /Position: 50,40/, g);
    assert.match(g, /Geometry: 900x600/, g);
  } finally {
    second.kill("SIGTERM");
    await exitWithin(second, 10000);
  }
});

test("closing the window keeps the app running in the tray, in a fresh instance without a web engine", async () => {
  const app = launch("window-close.log");
  let tray = 0;
  try {
    const id = await readyWindow(app);
    execFileSync("/usr/bin/python3", [join(here, "close-window.py"), id]);
    await waitUntil(() => windowOf() === "", 5000, "the window to go");
    // The closing instance hands the tray over and quits (src-tauri/src/handover.rs).
    tray = await trayTakeover(app.pid);
    assert.deepEqual(await exitWithin(app, 10000), { code: 0, signal: null }, "the windowed instance quits cleanly");
    await waitUntil(() => trayMenuOf(tray), 20000, "the tray of the new instance");
    assert.equal(windowOf(), "", "it starts with no window");
    process.kill(tray, "SIGINT");
    await waitUntil(() => !alive(tray), 10000, "Ctrl+C to quit it");
  } finally {
    app.kill("SIGKILL");
    if (tray && alive(tray)) process.kill(tray, "SIGKILL");
  }
});
