// Session-bus helpers for the tests that look at what the app exports there (tray menu).
import { execFileSync } from "node:child_process";

// Some connections of a process never answer calls they do not expect (gdbus would wait 25 s
// for each), so every call is given a few seconds.
function gdbus(args) {
  return execFileSync("gdbus", ["call", "--session", "--timeout", "3", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

const BUS = ["--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus"];

/** Unique bus names owned by a process. */
export function busNamesOf(pid) {
  const names = gdbus([...BUS, "--method", "org.freedesktop.DBus.ListNames"]).match(/':[0-9.]+'/g) ?? [];
  return names
    .map((n) => n.slice(1, -1))
    .filter((name) => {
      try {
        const out = gdbus([...BUS, "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID", name]);
        return out.includes(`uint32 ${pid},`) || out.includes(`uint32 ${pid})`);
      } catch {
        return false; // the name went away between the two calls
      }
    });
}

/** The dbusmenu layout (labels and ids) an app exports at `path`, or null if none. */
export function menuLayout(dest, path) {
  try {
    const out = gdbus(["--dest", dest, "--object-path", path, "--method", "com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]"]);
    return [...out.matchAll(/\((\d+), \{[^}]*'label': <'([^']*)'>/g)].map((m) => ({ id: Number(m[1]), label: m[2] }));
  } catch {
    return null;
  }
}

export function menuClick(dest, path, id) {
  gdbus(["--dest", dest, "--object-path", path, "--method", "com.canonical.dbusmenu.Event", "--", String(id), "clicked", "<int32 0>", "0"]);
}

export const TRAY_MENU_PATH = "/org/ayatana/NotificationItem/tray_icon_tray_app_main_tray/Menu";

/** The tray menu a process exports, as `{name, items}`, or null while it has none. The tray is
 *  installed last at start-up, so its menu on the bus means the app is ready. */
export function trayMenuOf(pid) {
  for (const name of busNamesOf(pid)) {
    const items = menuLayout(name, TRAY_MENU_PATH);
    if (items && items.length > 0) return { name, items };
  }
  return null;
}

/** The first line of a process's tray menu, the unread count ("3 unread notifications"). */
export const trayUnreadLabel = (pid) => trayMenuOf(pid)?.items[0]?.label ?? "";

/** The number in an unread label; 0 for "No unread notifications". */
export const unreadIn = (label) => Number(/^(\d+) unread/.exec(label)?.[1] ?? 0);

/** Clicks the tray menu item labelled `text`, as a desktop shell would. The menu is made again
 *  whenever the count changes, and a click on an item of a menu just replaced is refused; then
 *  the item is looked up again, as a shell showing the new menu would. */
export function clickTrayItem(pid, text) {
  let last;
  for (let tries = 0; tries < 5; tries++) {
    const menu = trayMenuOf(pid);
    const item = menu?.items.find((i) => i.label === text);
    if (!menu || !item) throw new Error(`no tray item "${text}" in ${JSON.stringify(menu?.items.map((i) => i.label))}`);
    try {
      menuClick(menu.name, TRAY_MENU_PATH, item.id);
      return;
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
