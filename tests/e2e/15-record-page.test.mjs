// The record page against a sandbox of its own, each step checked on the server: a thread of
// more than 100 comments scrolled back to the first, a comment of attachments only whose file
// downloads with the same bytes, a mention picked from the workspace's members that reaches that
// member's personal key, a task with a due time and a reminder assigned through the picker, and a
// notifications list of more than 100 that loads as it scrolls.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { api, startSandbox } from "./sandbox.mjs";
import { addConnection, useConnection } from "./connections.mjs";
import { typeIntoFileDialog } from "./dialogs.mjs";
import { openTable } from "./nav.mjs";

const OWNER = "il_live_sandbox_owner";
const ALICE = "il_user_sandbox_alice";
const BOB = "il_user_sandbox_bob";
const CONTACTS = 1;
const RECORD = 1;
const THREAD = 130;

let s;
let sandbox;
let ownerId;
before(async () => {
  sandbox = await startSandbox();
  // A long thread, each comment mentioning Alice, so her key also gets over 100 notifications.
  for (let i = 1; i <= THREAD; i++) {
    const res = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${RECORD}/comments/create`, {
      content: `Thread comment #${i} for @{2:Alice}`,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  s = await Session.start(DRIVER, APP);
  ownerId = await addConnection(s, "Record page (owner)", sandbox.url, OWNER);
  await useConnection(s, ownerId);
});
after(async () => {
  await s?.end();
  sandbox?.stop();
});

/** Every comment of the record on the server, oldest first. */
async function serverComments() {
  const out = [];
  for (;;) {
    const page = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${RECORD}/comments/get?limit=100&offset=${out.length}`);
    out.push(...page.body);
    if (page.body.length < 100) return out;
  }
}

const shownComments = () => s.readAll("[data-testid=comment]", "data-comment-id");

async function openContact() {
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Contacts");
  await s.waitFor("[data-testid=record-row]");
  const name = (await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${RECORD}/get`)).body.title;
  await s.fill(await s.find("[data-testid=table-search]"), name);
  await s.until(async () => (await s.findAll("[data-testid=record-row]")).length === 1, "the one contact");
  await s.clickOn("[data-testid=record-open]");
  await s.withText("[data-testid=record-title]", name);
}

test("a thread of more than 100 comments scrolls back to the first", async () => {
  await openContact();
  const all = await serverComments();
  assert.ok(all.length > 100, `${all.length} comments on the server`);
  await s.until(async () => (await shownComments()).length === 100, "the newest 100 comments", 20000);
  const shown = await shownComments();
  assert.equal(shown.at(-1), String(all.at(-1).id), "the newest is at the bottom");
  assert.equal(shown[0], String(all.at(-100).id), "and the 100 before it above");
  await s.withText("[data-testid=comment-count]", String(all.length));
  // The status bar shows what is left of the key's rate-limit window (the sandbox sends it).
  const budget = await s.withText("[data-testid=rate-budget]", /of 6000 requests left · resets in \d+ s/, 15000).catch(async (e) => {
    const direct = await s.executeAsync("const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke('connection_status', { connectionId: arguments[0] }).then((v) => done(JSON.stringify(v)), (e) => done('error ' + JSON.stringify(e)));", [ownerId]);
    throw new Error(`${e.message}; connection_status says ${direct}`);
  });
  assert.ok(budget);

  // Scrolling to the top of the thread shows the earlier ones, down to the first.
  await s.until(async () => {
    await s.evaluate("document.querySelector('[data-testid=comment-scroll]').scrollTop = 0;");
    return (await shownComments()).length === all.length;
  }, "every comment after scrolling up", 20000);
  assert.deepEqual(await shownComments(), all.map((c) => String(c.id)), "in the server's order, none twice");
  assert.match((await s.readAll("[data-testid=comment]"))[0], /Thread comment #1 for @Alice/);
  writeFileSync(join(OUTPUT, "record-wide.png"), await s.screenshot());
});

test("a comment of attachments only is posted, and its file downloads with the same bytes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "il-e2e-comment-"));
  const bytes = randomBytes(48 * 1024);
  writeFileSync(join(dir, "scan.bin"), bytes);
  await s.click(await s.find("[data-testid=comment-attach]"));
  await typeIntoFileDialog(s, "^Attach to the comment", join(dir, "scan.bin"));
  await s.withText("[data-testid=comment-attachment]", "scan.bin", 20000);
  assert.equal(await s.property(await s.find("[data-testid=comment-draft]"), "value"), "", "no words");
  await s.click(await s.find("[data-testid=comment-post]:not([disabled])"));

  const posted = await s.until(async () => {
    const last = (await serverComments()).at(-1);
    return last.attachments?.length === 1 ? last : null;
  }, "the comment on the server");
  assert.equal(posted.content, "");
  assert.equal(posted.attachments[0].name, "scan.bin");
  assert.equal(posted.attachments[0].size, bytes.length);

  const row = await s.waitFor(`[data-comment-id="${posted.id}"] [data-testid=comment-file]`);
  await s.click(await s.findIn(row, "[data-testid=comment-file-download]"));
  const saved = await s.until(async () => {
    const el = await s.findAllIn(row, "[data-testid=comment-file-saved]");
    return el.length > 0 ? s.attribute(el[0], "data-path") : null;
  }, "the download", 20000);
  assert.ok(saved.startsWith(process.env.E2E_DOWNLOADS), saved);
  assert.ok(readFileSync(saved).equals(bytes), "the same bytes came back");
  await s.waitFor(`[data-comment-id="${posted.id}"] [data-testid=comment-file-open]`);
});

test("a member mentioned through the picker gets the notification on their personal key", async () => {
  const bobBefore = (await api(sandbox.url, BOB, "/notifications/list", { filter: "all", limit: 200, offset: 0 })).body.length;
  const draft = await s.find("[data-testid=comment-draft]");
  await s.fill(draft, "Can you take this, @Bo");
  const option = await s.withText("[data-testid=mention-option]", /^Bob/);
  assert.equal(await s.attribute(option, "data-user-id"), "3", "Bob from the member list");
  await s.keys([Keys.ENTER]);
  await s.until(async () => (await s.property(draft, "value")) === "Can you take this, @Bob ", "the name in the draft");
  await s.withText("[data-testid=mention-notify]", "@Bob");
  await s.click(await s.find("[data-testid=comment-post]"));

  const posted = await s.until(async () => {
    const last = (await serverComments()).at(-1);
    return last.content.startsWith("Can you take this") ? last : null;
  }, "the comment on the server");
  assert.equal(posted.content, "Can you take this, @{3:Bob}", "stored in the documented form, trailing space trimmed");
  const chip = await s.waitFor(`[data-comment-id="${posted.id}"] [data-testid=mention-chip]`);
  assert.equal(await s.text(chip), "@Bob");
  const bob = (await api(sandbox.url, BOB, "/notifications/list", { filter: "all", limit: 200, offset: 0 })).body;
  assert.equal(bob.length, bobBefore + 1, "one new notification for Bob");
  const n = bob.find((x) => x.record_id === RECORD && x.table_id === CONTACTS && /mention/i.test(`${x.event_type} ${x.message}`));
  assert.ok(n, `a mention for Bob: ${JSON.stringify(bob[0])}`);
});

test("a task with a due time and a reminder is assigned through the picker", async () => {
  await s.fill(await s.find("[data-testid=record-task-title]"), "Send the signed contract");
  await s.setValue("[data-testid=record-task-due]", "2026-12-10");
  await s.setValue("[data-testid=record-task-time]", "15:30");
  await s.click(await s.waitFor("[data-testid=record-task-reminder] option[value='30']"));
  await s.click(await s.withText("[data-testid=record-task-assignee] option", /^Bob/));
  await s.click(await s.find("[data-testid=record-task-add]"));
  await s.withText("[data-testid=record-task]", "Send the signed contract");

  const tasks = (await api(sandbox.url, OWNER, `/tasks/onRecord/${CONTACTS}/${RECORD}/list`)).body;
  const task = tasks.find((t) => t.title === "Send the signed contract");
  assert.ok(task, JSON.stringify(tasks));
  assert.equal(task.assignee_user_id, 3, "Bob's");
  // The session's zone is UTC unless the run says otherwise; the time module converts either way.
  const zoneOffsetMin = -new Date("2026-12-10T15:30:00").getTimezoneOffset();
  const wantUtc = new Date(Date.UTC(2026, 11, 10, 15, 30) - zoneOffsetMin * 60000).toISOString();
  assert.equal(`${task.due_date} ${task.due_time.slice(0, 5)}`, `${wantUtc.slice(0, 10)} ${wantUtc.slice(11, 16)}`);
  assert.equal(task.reminder_offset_mins, 30);
  const reminder = new Date(Date.parse(wantUtc) - 30 * 60000).toISOString().slice(0, 19).replace("T", " ");
  assert.equal(task.reminder_at, reminder);
  const row = await s.withText("[data-testid=record-task]", "Send the signed contract");
  assert.match(await s.text(row), /3:30|15:30/, "the due time shown in local time");
  const mine = (await api(sandbox.url, BOB, "/tasks/list?assigned=me&limit=200")).body;
  assert.ok(mine.some((t) => t.id === task.id), "on Bob's own list");
});

test("a notifications list of more than 100 loads as it scrolls, grouped by day", async () => {
  const all = [];
  for (;;) {
    const page = (await api(sandbox.url, ALICE, "/notifications/list", { filter: "all", limit: 200, offset: all.length })).body;
    all.push(...page);
    if (page.length < 200) break;
  }
  assert.ok(all.length > 100, `${all.length} notifications for Alice`);
  await useConnection(s, await addConnection(s, "Record page (Alice)", sandbox.url, ALICE));
  await s.click(await s.waitFor("[data-testid=nav-notifications]"));
  await s.waitFor("[data-testid=notification]");
  const shown = () => s.readAll("[data-testid=notification]", "data-notification-id");
  assert.ok((await shown()).length < all.length, "the first page only");
  await s.until(async () => {
    await s.evaluate("document.querySelector('[data-testid=notifications-more]')?.scrollIntoView();");
    return (await shown()).length >= all.length;
  }, "every notification after scrolling", 30000);
  const ids = await shown();
  assert.equal(new Set(ids).size, ids.length, "none twice");
  for (const n of all) assert.ok(ids.includes(String(n.id)), `notification ${n.id} listed`);
  const days = await s.readAll("[data-testid=notification-day] > h2");
  assert.equal(days[0], "Today", `newest first, under their day: ${days}`);
  assert.equal(new Set(days).size, days.length, "one heading per day");
  const today = await s.evaluate("return document.querySelector('[data-testid=notification-day]').querySelectorAll('[data-testid=notification]').length;");
  assert.ok(today >= THREAD, `today's mentions under "Today": ${today}`);
  // Each says where it happened: the workspace and table, as the server names them.
  const where = new Map();
  for (const space of (await api(sandbox.url, OWNER, "/spaces/list")).body) {
    for (const t of (await api(sandbox.url, OWNER, `/space/${space.id}/tables/list`)).body) where.set(t.id, `${space.name} › ${t.name}`);
  }
  const places = await s.evaluate(
    "return Object.fromEntries([...document.querySelectorAll('[data-testid=notification]')].map((e) => [e.dataset.notificationId, e.querySelector('[data-testid=notification-place]')?.textContent.trim() ?? null]));",
  );
  for (const n of all.filter((x) => x.table_id != null)) assert.equal(places[n.id], where.get(n.table_id), `where notification ${n.id} happened`);
  writeFileSync(join(OUTPUT, "notifications-days.png"), await s.screenshot());
  await s.click(await s.find("[data-testid=nav-connections]"));
  await useConnection(s, ownerId);
});

test("a connection's expiry date is changed on its own, without the key", async () => {
  const card = `[data-connection-id="${ownerId}"]`;
  await s.click(await s.waitFor(`${card} [data-testid=connection-expiry-edit]`));
  await s.setValue(`${card} [data-testid=connection-expiry-input]`, "2027-03-31");
  await s.click(await s.find(`${card} [data-testid=connection-expiry-save]`));
  await s.withText(`${card} [data-testid=connection-expiry]`, /^2027-03-31 · /);
  // Read back from the shell's store, not from the form.
  const saved = await s.executeAsync(
    "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke('list_connections').then((l) => done(JSON.stringify(l.find((c) => c.id === arguments[0]))));",
    [ownerId],
  );
  assert.equal(JSON.parse(saved).expires_on, "2027-03-31");
  assert.ok(!saved.includes(OWNER), "the key itself is never handed to the page");
  await s.click(await s.find(`${card} [data-testid=connection-expiry-edit]`));
  await s.click(await s.waitFor(`${card} [data-testid=connection-expiry-clear]`));
  await s.until(async () => (await s.findAll(`${card} [data-testid=connection-expiry]`)).length === 0, "no expiry any more");
});
