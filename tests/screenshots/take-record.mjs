import { driver } from "./driver.mjs";
import { writeFileSync } from "node:fs";
import { Session } from "../e2e/webdriver.mjs";
import { openTable } from "../e2e/nav.mjs";

// The wide record page (fields beside comments, the mention picker open) and the notifications
// page, in the light and the dark theme, on the built-in demo. Run through take.sh.
const APP = process.env.APP;
const OUT = process.env.OUT;
let first = true;
for (const [name, env, port] of [["light", {}, 4600], ["dark", { GTK_THEME: "Adwaita:dark" }, 4610]]) {
  const d = await driver(env, port);
  const s = await Session.start(`http://127.0.0.1:${port}`, APP);
  try {
    if (first) {
      await s.click(await s.waitFor("[data-testid=try-demo]"));
      first = false;
    }
    await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-owner]"));
    await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
    await openTable(s, "Deals");
    await s.clickOn("[data-testid=record-open]");
    await s.waitFor("[data-testid=comment]", 15000);
    await s.fill(await s.find("[data-testid=comment-draft]"), "Thanks, @Al");
    await s.withText("[data-testid=mention-option]", /Alice/);
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(`${OUT}/record-wide${name === "dark" ? "-dark" : ""}.png`, await s.screenshot());
    await s.click(await s.find("[data-testid=nav-connections]")).catch(() => {});
    await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-alice]"));
    await s.click(await s.waitFor("[data-testid=nav-notifications]"));
    await s.waitFor("[data-testid=notification]");
    await new Promise((r) => setTimeout(r, 1000));
    writeFileSync(`${OUT}/notifications${name === "dark" ? "-dark" : ""}.png`, await s.screenshot());
  } finally {
    await s.end().catch(() => {});
    d.kill();
  }
}
