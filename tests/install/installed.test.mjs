// The installed app: its window, its tray menu on the session bus, and start at login pointing at
// the installed binary once it is switched on (and gone once it is switched off).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "../e2e/webdriver.mjs";
import { APP, DRIVER } from "../e2e/env.mjs";
import { trayMenuOf } from "../e2e/dbus.mjs";
import { newestAppPid, waitUntil } from "../e2e/app-process.mjs";

const autostartDir = join(process.env.INSTALL_HOME, ".config", "autostart");
const entries = () => (existsSync(autostartDir) ? readdirSync(autostartDir).filter((f) => f.endsWith(".desktop")) : []);
let s;
let pid;
before(async () => {
  s = await Session.start(DRIVER, APP);
  pid = newestAppPid();
});
after(async () => {
  await s?.end();
});

test("the installed binary opens its window", async () => {
  await s.waitFor("[data-testid=app-shell]");
  const id = execFileSync("xdotool", ["search", "--onlyvisible", "--name", "InfoLobby Desktop$"], { encoding: "utf8" }).trim();
  assert.ok(id.length > 0, "a visible window");
});

test("its tray menu is on the session bus", async () => {
  const menu = await waitUntil(() => trayMenuOf(pid), 20000, "the tray menu");
  assert.match(menu.items[0].label, /unread notification/);
  assert.ok(menu.items.some((i) => i.label === "Quit"));
});

test("start at login points at the installed binary, and switching it off removes it", async () => {
  assert.deepEqual(entries(), [], "off by default");
  await s.click(await s.waitFor("[data-testid=nav-connections]"));
  const box = await s.waitFor("[data-testid=setting-autostart]");
  await s.click(box);
  await waitUntil(() => entries().length === 1, 10000, "an autostart entry");
  const entry = readFileSync(join(autostartDir, entries()[0]), "utf8");
  assert.match(entry, new RegExp(`^Exec=.*${APP.replace(/[/.]/g, "\\$&")}.*--in-tray`, "m"), entry);
  await s.click(box);
  await waitUntil(() => entries().length === 0, 10000, "the entry removed");
});
