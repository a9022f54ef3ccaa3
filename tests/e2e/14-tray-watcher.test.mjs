// The tray watcher with the window closed: closing ends every WebKit process of the app while the
// tray goes on counting; a mention by another user becomes a native notification whose default
// action (invoked through the notification server, dunst) opens the window on its record; the
// tray menu lists it and its item opens it; pausing silences alerts and resuming sums them up.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { api, startSandbox } from "./sandbox.mjs";
import { clickTrayItem, trayMenuOf, trayUnreadLabel, unreadIn } from "./dbus.mjs";
import { alive, exitWithin, launch, trayTakeover, waitUntil } from "./app-process.mjs";
import { addConnection, useConnection } from "./connections.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ALICE = "il_user_sandbox_alice";
const BOB = "il_user_sandbox_bob";
let sandbox;
let app;
let pid;

before(async () => {
  sandbox = await startSandbox();
});
after(async () => {
  app?.kill("SIGTERM");
  if (app) await exitWithin(app, 10000);
  // The instance that holds the tray now (each close hands it to a new one).
  if (pid && alive(pid)) process.kill(pid, "SIGTERM");
  await waitUntil(() => !pid || !alive(pid), 10000, "the app to quit");
  sandbox?.stop();
});

const notifications = () => readFileSync(join(OUTPUT, "notifications.log"), "utf8");
const xdotool = (...args) => {
  try {
    return execFileSync("xdotool", args, { encoding: "utf8" }).trim();
  } catch {
    return ""; // nothing matched
  }
};
const windowOf = () => xdotool("search", "--onlyvisible", "--name", "InfoLobby Desktop$").split("\n")[0];

/** Child processes of the app whose name starts with WebKit, as "pid name". */
function webkitChildren() {
  let out = "";
  try {
    out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when the process has no children
  }
  return out.split("\n").map((l) => l.trim()).filter((l) => /WebKit/.test(l));
}

/** Closes the window as a window manager does. The instance hands the tray over to a fresh one
 *  without a web engine and quits; `pid` follows the tray. */
async function closeWindow() {
  const id = await waitUntil(() => windowOf(), 10000, "the window");
  const before = pid;
  execFileSync("/usr/bin/python3", [join(here, "close-window.py"), id]);
  await waitUntil(() => windowOf() === "", 10000, "the window to go");
  pid = await trayTakeover(before);
  await waitUntil(() => !alive(before), 10000, "the windowed instance to quit");
  await waitUntil(() => trayMenuOf(pid), 20000, "the tray of the new instance");
}

/** The window was made again and shows the record: its title names the record page's heading.
 *  (WebDriver ends its session with the first web view, so the new one is read off X.) */
async function recordShown(title) {
  const id = await waitUntil(() => windowOf(), 20000, "the window to open again");
  await waitUntil(() => xdotool("getwindowname", id).startsWith(`${title} · `), 20000, `the record page of ${title}, as the window's title says`);
}

/** Clicks a tray item until `done()`: the menu is made again whenever the count changes, and a
 *  click on an item of the menu just replaced goes nowhere (as it would for a user). */
async function clickUntil(label, done, what) {
  await waitUntil(async () => {
    if (await done()) return true;
    clickTrayItem(pid, label);
    await new Promise((r) => setTimeout(r, 1500));
    return done();
  }, 20000, what);
}

async function mention(text) {
  const res = await api(sandbox.url, BOB, "/table/1/record/1/comments/create", { content: `${text} @{2:Alice}` });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

const unreadOnServer = async () => (await api(sandbox.url, ALICE, "/notifications/unreadCount", {})).body?.unread;

// Set up through the window with WebDriver; the tray tests then run the app on its own, because
// WebDriver ends its session (and the app) once the first web view is gone.
test("a connection for Alice, in use", async () => {
  const s = await Session.start(DRIVER, APP);
  try {
    await addAlice(s);
  } finally {
    await s.end();
  }
  await new Promise((r) => setTimeout(r, 1000));
  app = launch("tray-watcher.log");
  pid = app.pid;
  await waitUntil(() => trayMenuOf(pid), 20000, "the tray menu on the session bus");
});

async function addAlice(s) {
  const id = await addConnection(s, "Alice (alerts)", sandbox.url, ALICE);
  await useConnection(s, id);
  await s.waitFor(`[data-connection-id="${id}"] [data-testid=alert-settings]`);
}

test("closing to the tray ends every WebKit process while the tray still counts", async () => {
  const engine = webkitChildren().map((line) => Number(line.split(/\s+/)[0]));
  assert.ok(engine.length >= 1, "WebKit runs with the window open");
  await closeWindow();
  await waitUntil(() => engine.every((p) => !alive(p)), 10000, `WebKit's processes ${engine} to end`);
  assert.deepEqual(webkitChildren(), [], "the tray's instance runs no WebKit process");
  const before = unreadIn(await waitUntil(() => trayMenuOf(pid) && trayUnreadLabel(pid), 20000, "the tray"));
  await mention("Counted with the window closed");
  clickTrayItem(pid, "Check for notifications now");
  await waitUntil(() => unreadIn(trayUnreadLabel(pid)) > before, 20000, "the tray count to grow");
  assert.deepEqual(webkitChildren(), [], "counting needs no web engine");
});

test("a notification's default action opens the window on its record", async () => {
  const text = "Open me from the notification";
  // Only ours on screen, so that position 0 below is this notification.
  execFileSync("dunstctl", ["close-all"]);
  await mention(text);
  clickTrayItem(pid, "Check for notifications now");
  await waitUntil(() => notifications().includes(text), 20000, "the native notification");
  assert.match(notifications(), /string "default"/, "it offers a default action");
  // What a click on it does in a desktop shell: the server invokes its default action.
  await waitUntil(() => Number(execFileSync("dunstctl", ["count", "displayed"], { encoding: "utf8" })) === 1, 10000, "dunst to show it, alone");
  const before = await unreadOnServer();
  execFileSync("dunstctl", ["action", "0"]);
  await recordShown("Grace Hopper");
  await waitUntil(async () => (await unreadOnServer()) < before, 10000, "the notification marked read on the server");
});

test("the tray menu lists the newest unread notification and its item opens the record", async () => {
  await closeWindow();
  await mention("Open me from the tray");
  clickTrayItem(pid, "Check for notifications now");
  const item = await waitUntil(
    () => trayMenuOf(pid)?.items.find((i) => i.label.startsWith("Bob mentioned you on")),
    20000,
    "the notification in the tray menu",
  );
  const before = await unreadOnServer();
  clickTrayItem(pid, item.label);
  await recordShown("Grace Hopper");
  await waitUntil(async () => (await unreadOnServer()) < before, 10000, "the notification marked read on the server");
});

test("pausing alerts silences them; resuming gives one summary", async () => {
  await clickUntil("For 1 hour", () => trayMenuOf(pid)?.items.some((i) => i.label === "Resume alerts"), "Resume in the tray menu");
  assert.ok(trayMenuOf(pid).items.some((i) => i.label.startsWith("Alerts paused until")), "the state in words");
  const before = unreadIn(trayUnreadLabel(pid));
  const text = "Said while paused";
  await mention(text);
  clickTrayItem(pid, "Check for notifications now");
  await waitUntil(() => unreadIn(trayUnreadLabel(pid)) > before, 20000, "the count to grow while paused");
  assert.ok(!notifications().includes(text), "no alert while paused");
  await clickUntil("Resume alerts", () => notifications().includes("While alerts were paused: 1 new item"), "one summary");
  assert.ok(!notifications().includes(text), "the summary, not the item");
});
