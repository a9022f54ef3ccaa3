import { driver } from "./driver.mjs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session } from "../e2e/webdriver.mjs";
import { startSandbox } from "../e2e/sandbox.mjs";
import { addConnection, useConnection } from "../e2e/connections.mjs";
import { openTable } from "../e2e/nav.mjs";

// The command palette finding records in the offline copy, and a record opened from the copy
// with the server gone, in the light and the dark theme. Run through take.sh.
const APP = process.env.APP;
const OUT = process.env.OUT;
const themes = [["", {}, 4600], ["-dark", { GTK_THEME: "Adwaita:dark" }, 4610]];
const args = ["--addr", `127.0.0.1:${47000 + Math.floor(Math.random() * 2000)}`, "--data", mkdtempSync(join(tmpdir(), "shots-"))];
const sandbox = await startSandbox(args);
let connId = null;
async function inSession([suffix, env, port], work) {
  const d = await driver(env, port);
  const s = await Session.start(`http://127.0.0.1:${port}`, APP);
  try {
    await work(s, suffix);
  } finally {
    await s.end().catch(() => {});
    d.kill();
  }
}
for (const theme of themes) {
  await inSession(theme, async (s, suffix) => {
    // The next session opens where this one left off, on this connection.
    if (!connId) {
      connId = await addConnection(s, "Acme (sandbox)", sandbox.url, "il_live_sandbox_owner");
      await useConnection(s, connId);
    }
    await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
    await openTable(s, "Tickets");
    await s.waitFor("[data-testid=record-row][data-id]");
    await openTable(s, "Contacts");
    await s.waitFor("[data-testid=record-row][data-id]");
    // The first record is read online once, so its comments are in the copy too.
    await s.clickOn("[data-testid=record-open]", 20000);
    await s.waitFor("[data-testid=record-title]", 20000);
    await new Promise((r) => setTimeout(r, 1500));
    await s.click(await s.find("[data-testid=record-back]"));
    await s.waitFor("[data-testid=record-row][data-id]");
    await s.keys([Keys.CONTROL, "k"]);
    await s.fill(await s.waitFor("[data-testid=palette-input]"), "grace");
    await s.waitFor("[data-testid=palette-heading]");
    await new Promise((r) => setTimeout(r, 800));
    writeFileSync(`${OUT}/palette${suffix}.png`, await s.screenshot());
  });
}
sandbox.stop();
await new Promise((r) => setTimeout(r, 500));
for (const theme of themes) {
  await inSession(theme, async (s, suffix) => {
    await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
    await openTable(s, "Contacts");
    // The table from the copy, under the banner, before the record.
    await s.waitFor("[data-testid=offline-banner]", 20000);
    await s.waitFor("[data-testid=record-row][data-id]", 20000);
    // One row selected, to show the checkboxes both ways.
    await s.evaluate(`document.querySelector("[data-testid=records-grid]").focus();`);
    await s.keys([" "]);
    await s.withText("[data-testid=selection-count]", "1 selected");
    await new Promise((r) => setTimeout(r, 800));
    writeFileSync(`${OUT}/offline-table${suffix}.png`, await s.screenshot());
    await s.clickOn("[data-testid=record-open]", 20000);
    await s.waitFor("[data-testid=offline-banner]", 20000);
    await new Promise((r) => setTimeout(r, 800));
    writeFileSync(`${OUT}/offline${suffix}.png`, await s.screenshot());
  });
}
