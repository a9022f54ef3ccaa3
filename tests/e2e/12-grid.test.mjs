// The data grid on a sandbox with a 100,000-row table: one scroll through it with only the rows
// in view in the DOM, the keyboard from grid to record to the next record and back, selection and
// batch delete, a filter with OR and a date token, inline edit, columns that survive a restart,
// export to CSV (compared row by row with the API) and a cancelled export, and a read-only key
// that is offered neither edit nor delete. Every result is checked on the server.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { api, queryAll, startSandbox } from "./sandbox.mjs";
import { typeIntoFileDialog } from "./dialogs.mjs";
import { addConnection } from "./connections.mjs";
import { openTable } from "./nav.mjs";

const OWNER = "il_live_sandbox_owner";
const LOAD_TEST = 4; // the table `--large-table-rows` adds (crates/sandbox/src/seed.rs)
const ROWS = 100_000;
const ROW_HEIGHT = 34;

let s;
let sandbox;
const dir = mkdtempSync(join(tmpdir(), "il-e2e-grid-"));

before(async () => {
  sandbox = await startSandbox(["--large-table-rows", String(ROWS)]);
  s = await Session.start(DRIVER, APP);
});
after(async () => {
  await s?.end();
  sandbox?.stop();
});

const server = (path, body) => api(sandbox.url, OWNER, path, body);
/** "100000 records", whatever thousands separator the locale uses. */
const range = async () =>
  ((await s.readAll("[data-testid=records-range]"))[0] ?? "").replace(/(\d)[,.\u00a0\u202f](\d{3})/g, "$1$2");
const count = async () => Number((await range()).split(" ")[0]);
const grid = "[data-testid=records-grid]";
const scrollTo = (top) => s.evaluate(`document.querySelector("${grid}").scrollTop = arguments[0];`, [top]);
/** The drawn rows with their index and record id, in order. */
const drawnRows = () =>
  s.evaluate(`return [...document.querySelectorAll("[data-testid=record-row]")]
    .map((r) => ({ index: Number(r.dataset.index), id: r.dataset.id ? Number(r.dataset.id) : null }))
    .sort((a, b) => a.index - b.index);`);
const headers = () => s.readAll("[data-testid=grid-header]", "data-field");
const focusGrid = () => s.evaluate(`document.querySelector("${grid}").focus();`);

async function openLoadTest() {
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Load test");
  await s.until(async () => (await range()).endsWith("records") && (await s.findAll("[data-testid=record-row][data-id]")).length > 0, "the grid");
}

test("a connection to a sandbox with a 100,000-row table", async () => {
  await addConnection(s, "Load test", sandbox.url, OWNER);
  await s.click(await s.withText("[data-testid=connection-switcher] option", "Load test"));
  await openLoadTest();
  assert.equal(await count(), ROWS);
});

test("one scroll reaches past row 2,000 with the right records and few row elements", async () => {
  const want = (await server(`/table/${LOAD_TEST}/records/query`, { limit: 100, offset: 2100 })).body.map((r) => r.item_id);
  await scrollTo(2100 * ROW_HEIGHT);
  // However tall the window (an earlier test may have resized it), the rows from 2,100 on.
  await s.until(async () => (await drawnRows()).some((r) => r.index === 2105 && r.id !== null), "rows 2,100 on to arrive");
  const drawn = await drawnRows();
  const got = drawn.filter((r) => r.index >= 2100 && r.id !== null).map((r) => r.id);
  assert.ok(got.length >= 6, `${got.length} rows drawn from 2,100 on`);
  assert.deepEqual(got, want.slice(0, got.length), "the rows drawn are the API's rows at that offset");
  assert.ok(drawn.length < 120, `${drawn.length} row elements in the DOM`);
  await new Promise((r) => setTimeout(r, 800));
  writeFileSync(join(OUTPUT, "grid.png"), await s.screenshot());

  await scrollTo(99_990 * ROW_HEIGHT);
  await s.until(async () => (await drawnRows()).some((r) => r.index === ROWS - 1 && r.id !== null), "the last row");
  const last = (await server(`/table/${LOAD_TEST}/records/query`, { limit: 1, offset: ROWS - 1 })).body[0].item_id;
  assert.equal((await drawnRows()).find((r) => r.index === ROWS - 1).id, last);
  assert.ok((await s.findAll("[data-testid=record-row]")).length < 120);
});

test("keyboard only: grid → record → next record → back to the same place", async () => {
  await scrollTo(2100 * ROW_HEIGHT);
  await s.until(async () => (await drawnRows()).some((r) => r.index === 2110 && r.id !== null), "rows at 2,100");
  // Put the cursor on a row in view (the one mouse step), then only keys.
  const start = (await drawnRows()).find((r) => r.index === 2105);
  await s.clickOn(`[data-testid=record-row][data-index="2105"] [data-field=title]`);
  const scrolled = await s.evaluate(`return document.querySelector("${grid}").scrollTop;`);
  await s.keys([Keys.ARROW_DOWN]);
  await s.keys([Keys.ARROW_DOWN]);
  await s.keys([Keys.ENTER]);
  const titles = (await server(`/table/${LOAD_TEST}/records/query`, { limit: 3, offset: 2107 })).body.map((r) => r.title);
  const title = async () => s.text(await s.waitFor("[data-testid=record-title]"));
  await s.until(async () => (await title()) === titles[0], "record 2,108 (two rows down)");
  await s.keys(["j"]);
  await s.until(async () => (await title()) === titles[1], "the next record (J)");
  await s.keys([Keys.ALT, Keys.ARROW_RIGHT]);
  await s.until(async () => (await title()) === titles[2], "the next record (Alt+→)");
  await s.keys([Keys.ALT, Keys.ARROW_LEFT]);
  await s.until(async () => (await title()) === titles[1], "back one (Alt+←)");
  await s.keys([Keys.ESCAPE]);
  await s.waitFor("[data-testid=records-grid]");
  await s.until(async () => (await drawnRows()).some((r) => r.index === 2105 && r.id === start.id), "the same rows");
  const back = await s.evaluate(`return document.querySelector("${grid}").scrollTop;`);
  assert.ok(Math.abs(back - scrolled) <= ROW_HEIGHT, `scrolled to ${back}, left at ${scrolled}`);
  assert.equal(await s.attribute(await s.find(grid), "aria-activedescendant"), "grid-cell-2107-1", "the cursor where it was left");
});

test("three rows selected from the keyboard are deleted in one batch", async () => {
  await focusGrid();
  const rows = (await drawnRows()).filter((r) => r.index >= 2107 && r.index < 2110).map((r) => r.id);
  await s.keys([" "]);
  await s.keys([Keys.ARROW_DOWN]);
  await s.keys([" "]);
  await s.keys([Keys.ARROW_DOWN]);
  await s.keys([" "]);
  await s.until(async () => ((await s.readAll("[data-testid=selection-count]"))[0] ?? "") === "3 selected", "three selected");
  assert.deepEqual(await s.readAll("[data-testid=record-row][aria-selected=true]", "data-id"), rows.map(String));
  await s.keys([Keys.DELETE]);
  assert.match(await s.text(await s.waitFor("[data-testid=delete-confirm]")), /Delete 3 records\?/);
  await new Promise((r) => setTimeout(r, 800));
  writeFileSync(join(OUTPUT, "grid-delete-confirm.png"), await s.screenshot());
  // The question takes the focus, so Enter answers it.
  await s.keys([Keys.ENTER]);
  await s.withText("[data-testid=table-notice]", "Deleted 3 records");
  for (const id of rows) {
    const got = await server(`/table/${LOAD_TEST}/record/${id}/get`);
    assert.notEqual(got.status, 200, `record ${id} is gone on the server`);
  }
  await s.until(async () => (await count()) === ROWS - 3, "the count after the delete");
  assert.equal((await server(`/table/${LOAD_TEST}/records/count`, {})).body.count, ROWS - 3);
});

test("a cell is edited in place; a refused value stays typed, Escape cancels", async () => {
  await scrollTo(0);
  await s.until(async () => (await drawnRows()).some((r) => r.index === 0 && r.id !== null), "the top rows");
  const first = (await drawnRows())[0].id;
  // To the Amount column by keys: the grid scrolls sideways to show it in a narrow window.
  await s.clickOn(`[data-testid=record-row][data-index="0"] [data-field=title]`);
  for (let i = 0; i < 3; i++) await s.keys([Keys.ARROW_RIGHT]);
  assert.equal(await s.attribute(await s.find(grid), "aria-activedescendant"), "grid-cell-0-4", "on Amount");
  await s.keys([Keys.F2]);
  const editor = await s.waitFor("[data-testid=cell-editor]");
  await s.fill(editor, "plenty");
  await s.keys([Keys.ENTER]);
  assert.match(await s.text(await s.waitFor("[data-testid=cell-error]")), /Amount: enter a number/);
  assert.equal(await s.property(editor, "value"), "plenty", "what was typed is kept");
  await s.keys([Keys.ESCAPE]);
  await s.until(async () => (await s.findAll("[data-testid=cell-editor]")).length === 0, "Escape to close the editor");

  for (let i = 0; i < 3; i++) await s.keys([Keys.ARROW_LEFT]);
  await s.keys([Keys.F2]);
  await s.fill(await s.waitFor("[data-testid=cell-editor]"), "Renamed in the grid");
  await s.keys([Keys.ENTER]);
  await s.until(async () => (await s.findAll("[data-testid=cell-editor]")).length === 0, "the save");
  const saved = await server(`/table/${LOAD_TEST}/record/${first}/get`);
  assert.equal(saved.body.data.title, "Renamed in the grid");
  assert.equal((await s.readAll(`[data-testid=record-row][data-index="0"] [data-field=title]`))[0], "Renamed in the grid");
});

test("a filter with OR and a date token shows exactly the API's rows", async () => {
  await s.click(await s.find("[data-testid=filter-toggle]"));
  await s.click(await s.waitFor("[data-testid=filter-field] option[value=status]"));
  await s.click(await s.find("[data-testid=filter-op] option[value=eq]"));
  await s.click(await s.waitFor("[data-testid=filter-value] option[value=Blocked]"));
  await s.click(await s.find("[data-testid=filter-add]"));
  await s.click(await s.waitFor("[data-testid=filter-join] option[value=or]"));
  await s.click(await s.find("[data-testid=filter-field] option[value=due]"));
  await s.click(await s.find("[data-testid=filter-op] option[value=gte]"));
  await s.click(await s.waitFor("[data-testid=filter-token] option[value=start_of_month]"));
  await s.click(await s.find("[data-testid=filter-add]"));
  const chips = await s.readAll("[data-testid=filter-chip]");
  assert.equal(chips.length, 2);
  assert.match(chips[1], /^or Due is on or after start of this month/);
  const filters = [
    { column: "status", compare: "=", value: "Blocked" },
    { column: "due", compare: ">=", value: "start_of_month", connector: "or" },
  ];
  const want = (await server(`/table/${LOAD_TEST}/records/count`, { filters })).body.count;
  assert.ok(want > 0 && want < ROWS - 3, `the filter narrows: ${want}`);
  await s.until(async () => (await count()) === want, `${want} records`);
  await s.until(async () => (await drawnRows()).filter((r) => r.id !== null).length >= 5, "rows");
  const drawn = (await drawnRows()).filter((r) => r.id !== null);
  const top = (await server(`/table/${LOAD_TEST}/records/query`, { filters, limit: drawn.length })).body.map((r) => r.item_id);
  assert.deepEqual(drawn.map((r) => r.id), top, "the rows drawn are the API's first rows");
  await new Promise((r) => setTimeout(r, 800));
  writeFileSync(join(OUTPUT, "grid-filter.png"), await s.screenshot());
});

/** A CSV as rows of fields (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field.replace(/\r$/, "")), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  return rows;
}

test("the filtered query exports to CSV with the grid's columns, row by row as the API has it", async () => {
  const path = join(dir, "blocked.csv");
  await s.click(await s.find("[data-testid=export-csv]"));
  await typeIntoFileDialog(s, "^Export$", path);
  await s.withText("[data-testid=table-notice]", /Exported [\d,.\s\u202f]+ records to blocked\.csv\./, 60000).catch(async (e) => {
    writeFileSync(join(OUTPUT, "grid-export-failed.png"), await s.screenshot());
    throw new Error(`${e.message}; the page says: ${(await s.readAll("[data-testid=table-notice], [data-testid=export-progress], [role=alert]")).join(" | ")}`);
  });
  const csv = readFileSync(path, "utf8");
  assert.ok(csv.startsWith("\uFEFF"), "a byte-order mark for spreadsheets");
  const [head, ...lines] = parseCsv(csv.slice(1));
  assert.deepEqual(head, ["ID", "Title", "Status", "Owner", "Amount", "Opened At", "Due"]);
  const filters = [
    { column: "status", compare: "=", value: "Blocked" },
    { column: "due", compare: ">=", value: "start_of_month", connector: "or" },
  ];
  const rows = await queryAll(sandbox.url, OWNER, LOAD_TEST, { filters });
  assert.equal(lines.length, rows.length, "every row of the query, on every page");
  rows.forEach((r, i) => {
    const [id, title, status, owner, amount, , due] = lines[i];
    assert.equal(Number(id), r.item_id, `row ${i}`);
    assert.equal(title, r.title);
    assert.equal(status, r.status);
    assert.equal(owner, [].concat(r.owner ?? []).map((u) => u.name).join(", "), "people by name");
    assert.equal(Number(amount.replace(/[^\d.-]/g, "")), r.amount, "the amount as shown, with its decimals");
    assert.match(amount, /[.,]\d{2}$/, "two decimals");
    assert.match(due, /2026/, "the due date as shown");
  });
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith(".part")), [], "no partial file left");

  // Named .xlsx in the dialog, the same rows go into a workbook.
  const xlsx = join(dir, "blocked.xlsx");
  await s.click(await s.find("[data-testid=export-csv]"));
  await typeIntoFileDialog(s, "^Export$", xlsx);
  const notice = await s.withText("[data-testid=table-notice]", /records to blocked\.xlsx\./, 60000);
  assert.equal(Number((await s.text(notice)).replace(/[^\d]/g, "")), rows.length, "as many records as the CSV");
  assert.equal(readFileSync(xlsx).subarray(0, 4).toString("latin1"), "PK\x03\x04", "a workbook (a zip)");
});

test("a running export is cancelled and leaves no file", async () => {
  await s.click(await s.find("[data-testid=filter-remove]"));
  await s.click(await s.find("[data-testid=filter-remove]"));
  await s.until(async () => (await count()) === ROWS - 3, "the whole table again");
  const path = join(dir, "everything.csv");
  await s.click(await s.find("[data-testid=export-csv]"));
  await typeIntoFileDialog(s, "^Export$", path);
  const progress = await s.waitFor("[data-testid=export-progress]");
  await s.until(async () => /Exporting to everything\.csv: [1-9]/.test(await s.text(progress)), "the export under way");
  writeFileSync(join(OUTPUT, "grid-export.png"), await s.screenshot());
  await s.click(await s.find("[data-testid=export-cancel]"));
  await s.withText("[data-testid=table-notice]", "Export cancelled. No file was saved.", 30000);
  assert.equal(existsSync(path), false, "no file under the chosen name");
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith("everything")), [], "and no partial file");
});

test("hidden and reordered columns survive a restart", async () => {
  await s.click(await s.find("[data-testid=columns-toggle]"));
  await s.click(await s.waitFor("[data-testid=column-item][data-field=amount] [data-testid=column-shown]"));
  await s.click(await s.find("[data-testid=column-item][data-field=status] [data-testid=column-up]"));
  await s.click(await s.find("[data-testid=column-item][data-field=status] [data-testid=column-up]"));
  await s.click(await s.find("[data-testid=column-menu-close]"));
  const want = ["status", "item_id", "title", "owner", "opened_at", "due"];
  await s.until(async () => (await headers()).join() === want.join(), "the new column order");
  await new Promise((r) => setTimeout(r, 600)); // the layout is saved a moment after the change
  await s.end();
  s = await Session.start(DRIVER, APP);
  await openLoadTest();
  assert.deepEqual(await headers(), want);
});

test("a read-only key is offered no inline edit and no delete", async () => {
  await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-readonly]"));
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Tickets");
  await s.until(async () => (await s.findAll("[data-testid=record-row][data-id]")).length > 0, "tickets");
  await s.clickOn(`[data-testid=record-row][data-index="0"] [data-field=subject]`);
  await s.keys([" "]);
  await s.until(async () => ((await s.readAll("[data-testid=selection-count]"))[0] ?? "") === "1 selected", "a row selected");
  assert.equal((await s.findAll("[data-testid=delete-selected]")).length, 0, "no delete button");
  await s.keys([Keys.DELETE]);
  await s.keys([Keys.F2]);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await s.findAll("[data-testid=delete-confirm]")).length, 0, "Delete does nothing");
  assert.equal((await s.findAll("[data-testid=cell-editor]")).length, 0, "no inline editor");
  assert.equal(await s.attribute(await s.find(`[data-testid=record-row][data-index="0"] [data-field=subject]`), "aria-readonly"), "true");
});
