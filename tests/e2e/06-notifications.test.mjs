// The watcher: a new notification for a personal key appears as a native notification on the
// session bus, and the tray menu and the status bar count it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { startSandbox } from "./sandbox.mjs";
import { clickTrayItem, trayUnreadLabel, unreadIn } from "./dbus.mjs";
import { newestAppPid, waitUntil } from "./app-process.mjs";
import { addConnection, useConnection } from "./connections.mjs";

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

const unreadLabel = () => trayUnreadLabel(pid);
const countIn = unreadIn;
const notifications = () => readFileSync(join(OUTPUT, "notifications.log"), "utf8");

test("a mention raises a native notification and the counts follow", async () => {
  await useConnection(s, await addConnection(s, "Alice (watched)", sandbox.url, "il_user_sandbox_alice"));

  // The status bar shows the active connection's count once the watcher has checked it.
  const status = await s.until(async () => {
    const found = await s.findAll("[data-testid=unread-count]");
    return found.length > 0 ? s.text(found[0]) : null;
  }, "the unread count in the status bar", 20000);
  const before = Number(/(\d+) unread/.exec(status)?.[1]);
  assert.ok(before > 0, status);
  const trayBefore = await waitUntil(() => countIn(unreadLabel()) >= before && unreadLabel(), 20000, "the tray count");

  // Bob mentions Alice on the server; the tray's "check now" looks at once.
  const res = await fetch(`${sandbox.url}/table/1/record/1/comments/create`, {
    method: "POST",
    headers: { authorization: "Bearer il_user_sandbox_bob", "content-type": "application/json" },
    body: JSON.stringify({ content: "Watcher check: please call back @{2:Alice}" }),
  });
  assert.equal(res.status, 200, await res.text());
  clickTrayItem(pid, "Check for notifications now");

  await waitUntil(() => /mentioned you/.test(notifications()), 20000, "a native notification on the bus");
  assert.match(notifications(), /Watcher check: please call back @Alice"/, "mentions read as names");
  await waitUntil(() => countIn(unreadLabel()) === countIn(trayBefore) + 1, 10000, "the tray count to grow");
  await s.until(async () => {
    const text = await s.text(await s.find("[data-testid=unread-count]"));
    return text.startsWith(`${before + 1} unread`);
  }, "the status bar count to grow");
});
