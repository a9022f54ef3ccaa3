// The system's own file dialogs (GTK under Xvfb), driven with xdotool the way a keyboard user
// types a path: Ctrl+L, the path, Return.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();

/** The visible window whose title matches `title` (a regex source), or "". */
function dialog(title) {
  try {
    return xdotool("search", "--onlyvisible", "--name", title).split("\n")[0];
  } catch {
    return ""; // xdotool exits 1 when nothing matches
  }
}

/** Types `path` into the file dialog titled `title` that the app opened, and accepts it. */
export async function typeIntoFileDialog(s, title, path) {
  const id = await s.until(() => dialog(title), `the "${title}" dialog`);
  xdotool("windowfocus", "--sync", id);
  // Ctrl+L opens the location field of an open dialog; a save dialog's name field holds the
  // suggested name with only its stem selected, so select all of it before typing over it.
  xdotool("key", "--delay", "100", "ctrl+l");
  xdotool("key", "--delay", "100", "ctrl+a");
  xdotool("type", "--delay", "20", path);
  // GTK checks the typed path before the dialog accepts it; Return before that is ignored.
  for (let attempt = 0; attempt < 5 && dialog(title); attempt++) {
    xdotool("key", "--window", id, "Return");
    await s.until(() => !dialog(title), "the file dialog to close", 1500).catch(() => {});
  }
  assert.equal(dialog(title), "", "the file dialog accepted the path");
}
