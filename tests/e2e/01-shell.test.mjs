// The real app window, driven through tauri-driver + WebKitWebDriver.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Keys, Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";

let s;
before(async () => {
  s = await Session.start(DRIVER, APP);
});
after(async () => {
  await s?.end();
});

test("window is titled InfoLobby Desktop", async () => {
  await s.waitFor("[data-testid=app-shell]");
  assert.equal(await s.title(), "InfoLobby Desktop");
});

test("shell renders sidebar, main area and status bar", async () => {
  for (const id of ["sidebar", "main-area", "status-bar"]) {
    const el = await s.waitFor(`[data-testid=${id}]`);
    assert.equal(await s.displayed(el), true, `${id} is displayed`);
  }
  assert.match(await s.text(await s.find("[data-testid=connection-status]")), /Not connected/);
  assert.match(await s.text(await s.find("[data-testid=status-bar]")), /InfoLobby Desktop \d+\.\d+\.\d+/);
});

test("first launch offers the demo and adding a connection", async () => {
  const welcome = await s.waitFor("[data-testid=welcome]");
  assert.match(await s.text(welcome), /Welcome to InfoLobby Desktop/);
  assert.equal(await s.displayed(await s.find("[data-testid=try-demo]")), true);
  assert.equal(await s.displayed(await s.find("[data-testid=add-connection]")), true);
  assert.match(await s.text(await s.find("[data-testid=workspaces-empty]")), /No connection yet/);
  writeFileSync(join(OUTPUT, "shell.png"), await s.screenshot());
});

test("Ctrl+B hides and shows the sidebar", async () => {
  await s.keys([Keys.CONTROL, "b"]);
  assert.equal((await s.findAll("[data-testid=sidebar]")).length, 0, "sidebar hidden");
  await s.keys([Keys.CONTROL, "b"]);
  await s.waitFor("[data-testid=sidebar]", 2000);
});
