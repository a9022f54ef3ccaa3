// "My tasks" and notifications that lead somewhere, on the built-in demo as Alice (a personal
// key): tasks grouped by due date, a new task added and ticked off, and the way from a task or a
// notification to its record.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";

let s;
before(async () => {
  s = await Session.start(DRIVER, APP);
});
after(async () => {
  await s?.end();
});

/** The task rows as `group: title`, e.g. "overdue: Send proposal". */
const tasks = () =>
  s.evaluate(`return [...document.querySelectorAll("[data-testid=task-group]")].flatMap((g) =>
    [...g.querySelectorAll("[data-testid=my-task] label")].map((l) => g.dataset.group + ": " + l.textContent.trim()));`);

test("a personal key's tasks are grouped by due date", async () => {
  await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-alice]"));
  await s.click(await s.waitFor("[data-testid=nav-tasks]"));
  await s.until(async () => (await tasks()).includes("overdue: Send proposal"), "Alice's overdue task");
  assert.ok((await tasks()).some((t) => t.endsWith(": Prepare quarterly review")), "a task without a record is listed");
  writeFileSync(join(OUTPUT, "tasks.png"), await s.screenshot());
});

test("a new task is added, ticked off and kept out of the way", async () => {
  await s.fill(await s.find("[data-testid=task-new-title]"), "Call the printer");
  await s.click(await s.find("[data-testid=task-new-add]"));
  await s.until(async () => (await tasks()).includes("undated: Call the printer"), "the new task");
  assert.equal(await s.property(await s.find("[data-testid=task-new-title]"), "value"), "", "the form is ready for the next one");

  const row = await s.withText("[data-testid=my-task]", "Call the printer");
  await s.click(await s.findIn(row, "input[type=checkbox]"));
  await s.until(async () => (await tasks()).includes("done: Call the printer"), "the task under Done");
});

test("a task is changed, discussed and deleted", async () => {
  const row = await s.withText("[data-testid=my-task]", "Call the printer");
  await s.click(await s.findIn(row, "[data-testid=task-details]"));
  const detail = await s.waitFor("[data-testid=task-detail]");
  await s.fill(await s.findIn(detail, "[data-testid=task-edit-title]"), "Call the printer about toner");
  await s.fill(await s.findIn(detail, "[data-testid=task-edit-details]"), "Ask for the blue one");
  // A due time and a reminder, edited in local time (this session's zone is UTC).
  await s.setValue("[data-testid=task-edit-due]", "2026-12-03");
  await s.setValue("[data-testid=task-edit-time]", "08:15");
  await s.click(await s.waitFor("[data-testid=task-edit-reminder] option[value='10']"));
  await s.click(await s.findIn(detail, "[data-testid=task-edit-save]"));
  const edited = await s.withText("[data-testid=my-task]", "Call the printer about toner");
  await s.until(async () => /Dec 3, 2026,? 8:15\sAM/.test(await s.text(await s.findIn(edited, "[data-testid=task-due]"))), "the due time shown");
  await s.until(async () => (await tasks()).includes("done: Call the printer about toner"), "the new title in the list");

  await s.fill(await s.find("[data-testid=task-comment-draft]"), "They open at nine");
  await s.click(await s.find("[data-testid=task-comment-post]"));
  await s.withText("[data-testid=task-comment]", "They open at nine");

  await s.click(await s.find("[data-testid=task-delete]"));
  await s.click(await s.find("[data-testid=task-delete-confirm]"));
  await s.until(async () => !(await tasks()).some((t) => t.includes("Call the printer")), "the task gone");
  // Gone at the service too, not only from the page.
  await s.click(await s.find("[data-testid=nav-workspaces]"));
  await s.click(await s.waitFor("[data-testid=nav-tasks]"));
  // The tasks Alice created, done ones too (it was done when deleted). Ada's task for her leaves
  // the list when that answer has arrived.
  await s.click(await s.waitFor("[data-testid=task-show-done]"));
  await s.click(await s.find("[data-testid=task-scope] option[value=created_by_me]"));
  await s.until(async () => {
    const now = await tasks();
    return !now.some((t) => t.endsWith("Send proposal")) && now.some((t) => t.endsWith("Reproduce login bug"));
  }, "the tasks Alice created");
  assert.ok(!(await tasks()).some((t) => t.includes("Call the printer")));
  await s.click(await s.find("[data-testid=task-show-done]"));
  await s.click(await s.find("[data-testid=task-scope] option[value=assigned_to_me]"));
});

test("a task leads to its record", async () => {
  const row = await s.withText("[data-testid=my-task]", "Send proposal");
  await s.click(await s.findIn(row, "[data-testid=task-open-record]"));
  await s.until(async () => (await s.text(await s.waitFor("[data-testid=record-title]"))) === "Navy compiler licence", "the deal");
  assert.match(await s.text(await s.find("[data-testid=record-back]")), /Deals/);
});

test("a link field leads to the linked record", async () => {
  // Still on the deal: its Contact is Grace Hopper, in Contacts.
  await s.click(await s.withText("[data-testid=record-link]", "Grace Hopper"));
  await s.until(async () => (await s.text(await s.waitFor("[data-testid=record-title]"))) === "Grace Hopper", "the contact");
  assert.match(await s.text(await s.find("[data-testid=record-back]")), /Contacts/);
});

test("a notification leads to its record and is read on the way", async () => {
  await s.click(await s.find("[data-testid=nav-notifications]"));
  const first = await s.until(async () => {
    for (const el of await s.findAll("[data-testid=notification].unread")) {
      if ((await s.findAllIn(el, "[data-testid=notification-open]")).length > 0) return el;
    }
    return null;
  }, "an unread notification about a record");
  const unreadBefore = (await s.findAll("[data-testid=notification].unread")).length;
  await s.click(await s.findIn(first, "[data-testid=notification-open]"));
  await s.waitFor("[data-testid=record-title]");
  await s.click(await s.find("[data-testid=nav-notifications]"));
  await s.until(async () => (await s.findAll("[data-testid=notification].unread")).length === unreadBefore - 1, "one fewer unread");
});
