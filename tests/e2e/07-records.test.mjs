// Tables and records through the window, on the built-in demo: the grid of records, search, a
// record with its fields, tasks and comments, and posting a comment. The grid's own features
// (scrolling 100,000 rows, selection, export, columns) are in 12-grid.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Keys, Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { openTable } from "./nav.mjs";

let s;
before(async () => {
  s = await Session.start(DRIVER, APP);
});
after(async () => {
  await s?.end();
});

/** "2600 records", with the thousands separator of whatever locale the session has removed. */
const range = async () =>
  ((await s.readAll("[data-testid=records-range]"))[0] ?? "").replace(/(\d)[,.\u00a0\u202f](\d{3})/g, "$1$2"); // "" while loading
const count = async () => Number((await range()).split(" ")[0]);

test("a table shows its records in one grid, and searches", async () => {
  await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-owner]"));
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Tickets");
  await s.waitFor("[data-testid=record-row]");
  await s.until(async () => (await range()) === "2600 records", "the count");
  const rows = (await s.findAll("[data-testid=record-row]")).length;
  assert.ok(rows > 5 && rows < 80, `only the rows in view are drawn: ${rows}`);
  await new Promise((r) => setTimeout(r, 800));
  writeFileSync(join(OUTPUT, "table.png"), await s.screenshot());

  await s.fill(await s.find("[data-testid=table-search]"), "login");
  await s.until(async () => (await count()) < 2600, "the search to narrow the list");
  assert.ok((await count()) > 0, "some tickets mention login");
});

test("a record shows its fields, and a comment can be posted", async () => {
  await s.fill(await s.find("[data-testid=table-search]"), "");
  await s.until(async () => (await range()) === "2600 records", "the full list again");
  await s.clickOn("[data-testid=record-open]");
  await s.waitFor("[data-testid=record-fields]");
  const fields = await s.text(await s.find("[data-testid=record-fields]"));
  assert.match(fields, /Priority/);
  const before = (await s.findAll("[data-testid=comment]")).length;
  await s.fill(await s.find("[data-testid=comment-draft]"), "Checked from the desktop app");
  await s.click(await s.find("[data-testid=comment-post]"));
  await s.until(async () => (await s.findAll("[data-testid=comment]")).length === before + 1, "the new comment");
  assert.ok((await s.readAll("[data-testid=comment]")).some((t) => t.includes("Checked from the desktop app")));
  assert.equal(await s.property(await s.find("[data-testid=comment-draft]"), "value"), "", "draft cleared");
  await s.reveal(await s.find("[data-testid=record-title]"));
  writeFileSync(join(OUTPUT, "record.png"), await s.screenshot());
  await s.click(await s.find("[data-testid=record-back]"));
  await s.waitFor("[data-testid=records-grid]");
});

test("editing a record keeps what was typed when the save fails", async () => {
  await s.clickOn("[data-testid=record-open]");
  await s.click(await s.waitFor("[data-testid=record-edit]"));
  const effort = await s.waitFor("[data-testid=record-form] [data-field=effort_hours]");
  await s.fill(effort, "lots");
  await s.click(await s.find("[data-testid=record-form-save]"));
  assert.match(await s.text(await s.waitFor("[data-testid=record-form-error]")), /Effort Hours: enter a number/);
  assert.equal(await s.property(effort, "value"), "lots", "the input is kept");
  writeFileSync(join(OUTPUT, "record-edit.png"), await s.screenshot());
  await s.fill(effort, "12");
  await s.click(await s.find("[data-testid=record-form-save]"));
  await s.waitFor("[data-testid=record-fields]");
  await s.until(async () => /Effort Hours\s+12\b/.test(await s.text(await s.find("[data-testid=record-fields]"))), "the saved value");
});

test("a new record is created and opened", async () => {
  await openTable(s, "Contacts");
  await s.click(await s.waitFor("[data-testid=record-new]:not([disabled])"));
  await s.fill(await s.waitFor("[data-testid=record-form] [data-field=name]"), "Desktop Person");
  await s.click(await s.find("[data-testid=record-form-save]"));
  await s.until(async () => {
    const t = await s.findAll("[data-testid=record-title]");
    return t.length > 0 && (await s.text(t[0])) === "Desktop Person";
  }, "the new record's page");
});

test("following a record is remembered, and a record can be deleted", async () => {
  const follow = async () => s.text(await s.waitFor("[data-testid=record-follow]"));
  const before = await follow();
  await s.click(await s.find("[data-testid=record-follow]"));
  await s.until(async () => (await follow()) !== before, "the follow state to change");
  const after = await follow();

  // Away and back: the state comes from the service, not from the button.
  await s.click(await s.find("[data-testid=record-back]"));
  await s.clickOn("[data-testid=record-open]");
  await s.waitFor("[data-testid=record-fields]");
  const title = await s.text(await s.find("[data-testid=record-title]"));
  await s.click(await s.find("[data-testid=record-back]"));
  await s.fill(await s.waitFor("[data-testid=table-search]"), "Desktop Person");
  await s.until(async () => (await range()) === "1 record", "the search to find it");
  await s.click(await s.findIn(await s.withText("[data-testid=record-row]", "Desktop Person"), "[data-testid=record-open]"));
  await s.until(async () => (await s.text(await s.find("[data-testid=record-title]"))) === "Desktop Person", "its page");
  assert.notEqual(title, "", "another record was opened in between");
  await s.until(async () => (await follow()) === after, "the remembered follow state");

  await s.click(await s.find("[data-testid=record-delete]"));
  await s.click(await s.find("[data-testid=record-delete-confirm]"));
  await s.waitFor("[data-testid=records-grid]");
  await s.fill(await s.waitFor("[data-testid=table-search]"), "Desktop Person");
  await s.until(async () => (await range()) === "0 records", "no Desktop Person left");
  assert.equal((await s.findAll("[data-testid=record-row]")).length, 0, "gone from the table");
});

test("a table is worked from the keyboard and can be followed", async () => {
  await openTable(s, "Tickets");
  await s.waitFor("[data-testid=record-row]");
  const focused = () => s.evaluate("return document.activeElement?.dataset.testid ?? null;");
  await s.keys([Keys.CONTROL, "f"]);
  await s.until(async () => (await focused()) === "table-search", "Ctrl+F to focus the search");
  await s.keys([Keys.CONTROL, "n"]);
  await s.waitFor("[data-testid=record-form]");
  await s.click(await s.find("[data-testid=record-form-cancel]"));

  const follow = async () => s.text(await s.waitFor("[data-testid=table-follow]"));
  const before = await follow();
  await s.click(await s.find("[data-testid=table-follow]"));
  await s.until(async () => (await follow()) !== before, "the follow state to change");
  const after = await follow();
  await openTable(s, "Contacts");
  await openTable(s, "Tickets");
  await s.until(async () => (await follow()) === after, "the remembered follow state");
});

test("a task is added to a record, for someone of the workspace", async () => {
  await s.clickOn("[data-testid=record-open]");
  await s.fill(await s.waitFor("[data-testid=record-task-title]"), "Call the customer back");
  // The picker offers the workspace's members: Alice works in Operations, Bob does not.
  const alice = await s.withText("[data-testid=record-task-assignee] option", /^Alice/);
  const offered = await s.readAll("[data-testid=record-task-assignee] option");
  assert.ok(!offered.some((o) => o.startsWith("Bob")), `Bob is not offered: ${offered}`);
  await s.click(alice);
  await s.click(await s.find("[data-testid=record-task-add]"));
  const row = await s.withText("[data-testid=record-task]", "Call the customer back");
  assert.equal(await s.property(await s.find("[data-testid=record-task-title]"), "value"), "", "ready for the next one");
  assert.ok(await s.attribute(row, "data-task"), "the task has its id from the service");
});

test("records are filtered by a field, and the filter is taken off again", async () => {
  await s.click(await s.find("[data-testid=record-back]"));
  await s.until(async () => (await range()) === "2600 records", "all tickets");
  await s.click(await s.find("[data-testid=filter-toggle]"));
  // Not a number for a number field: said at once, nothing sent, the input kept.
  await s.click(await s.waitFor("[data-testid=filter-field] option[value=effort_hours]"));
  await s.click(await s.find("[data-testid=filter-op] option[value=gte]"));
  await s.fill(await s.find("[data-testid=filter-value]"), "many");
  await s.click(await s.find("[data-testid=filter-add]"));
  assert.match(await s.text(await s.waitFor("[data-testid=filter-error]")), /Effort Hours: enter a number/);
  assert.equal(await s.property(await s.find("[data-testid=filter-value]"), "value"), "many");
  assert.equal(await range(), "2600 records", "nothing was applied");

  await s.click(await s.find("[data-testid=filter-field] option[value=priority]"));
  await s.click(await s.find("[data-testid=filter-op] option[value=eq]"));
  await s.click(await s.waitFor("[data-testid=filter-value] option[value=Urgent]"));
  await s.click(await s.find("[data-testid=filter-add]"));
  assert.match(await s.text(await s.waitFor("[data-testid=filter-chip]")), /^Priority is Urgent/);
  await s.until(async () => (await count()) < 2600, "fewer tickets");
  const filtered = await count();
  assert.ok(filtered > 0 && filtered < 2600, await range());
  // Every row drawn meets the filter.
  await s.until(async () => (await s.readAll("[data-testid=record-row] [data-field=priority]")).length > 0, "rows");
  const priorities = await s.readAll("[data-testid=record-row] [data-field=priority]");
  assert.ok(priorities.length > 0 && priorities.every((p) => p === "Urgent"), priorities.join());

  await s.click(await s.find("[data-testid=filter-remove]"));
  await s.until(async () => (await range()) === "2600 records", "all tickets again");
});
