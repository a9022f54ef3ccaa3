// Opening a 100,000-row table at its top, 7 times online and 7 times offline from the copy,
// each a moment after the last table settled, with every timeline mark and the frames seen:
//   GRID_SCRIPT=tests/bench/grid-open-bench.mjs bash tests/bench/grid-figures.sh
// Also the IPC cost of the copy's first page beside a command that answers nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "../e2e/webdriver.mjs";
import { APP, DRIVER } from "../e2e/env.mjs";
import { startSandbox } from "../e2e/sandbox.mjs";
import { addConnection } from "../e2e/connections.mjs";
import { openTable } from "../e2e/nav.mjs";
const ROWS = Number(process.env.GRID_ROWS ?? 100000);
const fast = await startSandbox(["--large-table-rows", String(ROWS), "--requests-per-minute", "1000000"]);
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), "grid-cfg-"));
process.env.XDG_DATA_HOME = mkdtempSync(join(tmpdir(), "grid-data-"));
const s = await Session.start(DRIVER, APP);
const MARKS = (process.env.MARKS ?? "table:mount,table:load,table:copy,table:live,grid:mount,grid:rows").split(",");
try {
  await addConnection(s, "Fast", fast.url, "il_live_sandbox_owner");
  await s.click(await s.withText("[data-testid=connection-switcher] option", "Fast", 20000));
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await s.withText("[data-testid=nav-table]", /^Load test$/, 20000);
  const run = async (label) => {
    const times = [];
    for (let i = 0; i < 7; i++) {
      await openTable(s, "Tickets");
      await s.waitFor("[data-testid=record-row][data-id]");
      await new Promise((r) => setTimeout(r, 500));
      const t = await s.executeAsync(
        `const done = arguments[arguments.length - 1];
         const link = [...document.querySelectorAll("[data-testid=nav-table]")].find((e) => e.textContent.trim() === "Load test");
         performance.clearMarks();
         const t0 = performance.now();
         window.__clickAt = t0;
         const frames = [];
         link.click();
         const tick = (ft) => {
           frames.push((ft - t0).toFixed(0));
           const row = document.querySelector("[data-testid=record-row][data-id]");
           const title = document.querySelector("#table-title")?.textContent;
           if (row && title === "Load test") { const seen = performance.now() - t0; requestAnimationFrame(() => done({t: performance.now() - t0, seen, frames})); }
           else requestAnimationFrame(tick);
         };
         requestAnimationFrame(tick);`,
      );
      await new Promise((r) => setTimeout(r, 1500));
      const m = await s.evaluate(
        `const names = ${JSON.stringify(MARKS)};
         return names.map((n) => { const e = performance.getEntriesByName(n); return n + "=" + (e.length ? e.map((x) => (x.startTime - window.__clickAt).toFixed(0)).join("/") : "-"); }).join(" ");`,
      );
      console.log(`${label} ${t.t.toFixed(0)} ms (seen ${t.seen.toFixed(0)}) frames ${t.frames.join(",")} | ${m}`);
      times.push(t.t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label} median ${times[3].toFixed(0)}`);
  };
  await run("online");
  const probe = await s.executeAsync(`
    const done = arguments[arguments.length - 1];
    (async () => {
      const inv = window.__TAURI_INTERNALS__.invoke;
      const conns = await inv("list_connections");
      const c = conns.find((x) => x.name === "Fast").id;
      const spaces = await inv("list_spaces", { connectionId: c });
      let tid;
      for (const sp of spaces) { const ts = await inv("list_tables", { connectionId: c, spaceId: sp.id }); const t = ts.find((t) => t.name === "Load test"); if (t) tid = t.id; }
      const q = { search: null, filters: [], order_by: null, descending: false, view_id: null, fields: null, limit: 1000, offset: 0 };
      const time = async (f) => { const xs = []; for (let i = 0; i < 15; i++) { const t0 = performance.now(); await f(); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); return xs[7].toFixed(1); };
      const small = await time(() => inv("cache_status", { connectionId: c }));
      const page = await time(() => inv("cached_table_page", { connectionId: c, tableId: tid, query: q }));
      const text = JSON.stringify(await inv("cached_table_page", { connectionId: c, tableId: tid, query: q }));
      const parse = await time(async () => JSON.parse(text));
      done({ small, page, bytes: text.length, parse });
    })().catch((e) => done({ error: String(e) }));`);
  console.log("ipc probe", JSON.stringify(probe));
  fast.stop();
  await new Promise((r) => setTimeout(r, 1000));
  await run("offline");
} finally {
  await s.end();
  fast.stop();
}
