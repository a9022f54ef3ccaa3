// What the tray menu does: "Mark all as read" marks every notification read on the server for
// each connection whose key sees notifications, and the count in the tray follows. After 09,
// which needs unread notifications of its own on the demo.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Session } from "./webdriver.mjs";
import { APP, DRIVER } from "./env.mjs";
import { api, startSandbox } from "./sandbox.mjs";
import { clickTrayItem, trayMenuOf, trayUnreadLabel, unreadIn } from "./dbus.mjs";
import { newestAppPid, waitUntil } from "./app-process.mjs";
import { addConnection } from "./connections.mjs";

const ALICE = "il_user_sandbox_alice";
let s;
let sandbox;
let pid;
before(async () => {
  sandbox = await startSandbox();
  s = await Session.start(DRIVER, APP);
  pid = newestAppPid();
});
after(async () => {
  await s?.end();
  sandbox?.stop();
});

const label = () => trayUnreadLabel(pid);
const countIn = unreadIn;
const click = (text) => clickTrayItem(pid, text);

test("Mark all as read in the tray reads every notification on the server", async () => {
  await addConnection(s, "Alice (tray)", sandbox.url, ALICE);
  const unread = async () => (await api(sandbox.url, ALICE, "/notifications/unreadCount", {})).body?.unread;
  assert.ok((await unread()) > 0, "Alice starts with unread notifications on the server");

  await waitUntil(() => trayMenuOf(pid), 20000, "the tray menu on the session bus");
  click("Check for notifications now");
  const before = countIn(await waitUntil(() => countIn(label()) > 0 && label(), 20000, "the tray to count them"));
  click("Mark all as read");
  await waitUntil(async () => (await unread()) === 0, 20000, "nothing unread for Alice on the server");
  // A connection elsewhere (an earlier test's stopped sandbox) may keep the count it had.
  await waitUntil(() => countIn(label()) < before, 20000, "the tray count to drop");
});
