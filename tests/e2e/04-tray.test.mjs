// The tray icon is exported over D-Bus (StatusNotifierItem + dbusmenu) even with no tray host, so
// its menu can be read and clicked the way a desktop shell would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, exitWithin, waitUntil } from "./app-process.mjs";
import { TRAY_MENU_PATH, menuClick, trayMenuOf } from "./dbus.mjs";


test("tray menu shows the unread count and offers check, mark all read, pause, open and quit; Quit exits cleanly", async () => {
  const app = launch("tray-app.log");
  try {
    const found = await waitUntil(() => trayMenuOf(app.pid), 20000, "the tray menu on the session bus");
    const labels = found.items.map((i) => i.label).filter((l) => l !== "");
    assert.match(labels[0], /unread notification/);
    // Between the count and the actions: a state line and the newest unread items, when any.
    const actions = ["Check for notifications now", "Mark all as read", "Pause alerts", "For 1 hour", "Until tomorrow morning", "Open InfoLobby Desktop", "Quit"];
    assert.deepEqual(labels.slice(-actions.length), actions);

    const quit = found.items.find((i) => i.label === "Quit");
    menuClick(found.name, TRAY_MENU_PATH, quit.id);
    const status = await exitWithin(app, 10000);
    assert.deepEqual(status, { code: 0, signal: null }, "app exited with status 0 after Quit");
  } finally {
    app.kill();
  }
});
