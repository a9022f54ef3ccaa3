// The offline read cache and the command palette against a sandbox of its own that the test
// stops and starts again (same data, same port): two tables and a record visited, then
// offline, the palette finds the record by a word of its description in the cache and opens
// it with the offline banner and its comments; an edit made offline is refused and never
// reaches the server; when the server is back the banner goes and the record and its comments
// refresh; the cache file holds no record words and no key; removing the connection removes
// its cache and the cache's key.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session } from "./webdriver.mjs";
import { APP, DRIVER } from "./env.mjs";
import { api, startSandbox } from "./sandbox.mjs";
import { addConnection, useConnection } from "./connections.mjs";
import { openTable } from "./nav.mjs";

const IDENTIFIER = "com.infolobby.desktop";
const OWNER = "il_live_sandbox_owner";
const CONTACTS = 1;
const WORD = "quokkaflux";
const SUBJECT = "Offline lamp in hall B";
const cacheDir = join(process.env.XDG_DATA_HOME ?? "", IDENTIFIER, "cache");
const port = 47000 + Math.floor(Math.random() * 2000);
const sandboxArgs = ["--addr", `127.0.0.1:${port}`, "--data", mkdtempSync(join(tmpdir(), "offline-sandbox-"))];

let s;
let sandbox;
let connId;
let recordId;

/** Stops the server and waits until its port refuses connections. */
async function stopServer() {
  sandbox.stop();
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${sandbox.url}/spaces`).then(() => true, () => false);
    if (!up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the sandbox did not stop");
}

function cacheKeyInKeychain(id) {
  try {
    return execFileSync("secret-tool", ["lookup", "service", IDENTIFIER, "username", `${id}#cache`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

before(async () => {
  sandbox = await startSandbox(sandboxArgs);
  const created = await api(sandbox.url, OWNER, `/table/${CONTACTS}/records/create`, {
    data: { name: SUBJECT, notes: `The ${WORD} fitting flickers after nine; Grace says it needs a new ballast.` },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  recordId = created.body.id;
  assert.ok(recordId, JSON.stringify(created.body));
  const note = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${recordId}/comments/create`, { content: "First note: the fitting is on order." });
  assert.equal(note.status, 200, JSON.stringify(note.body));
  s = await Session.start(DRIVER, APP);
  connId = await addConnection(s, "Offline test", sandbox.url, OWNER);
  await useConnection(s, connId);
});
after(async () => {
  await s?.end();
  sandbox?.stop();
});

test("offline, the palette finds a cached record by a word of its description and opens it with the banner", async () => {
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Tickets");
  await s.waitFor("[data-testid=record-row][data-id]");
  await openTable(s, "Contacts");
  const row = await s.withText("[data-testid=record-row]", new RegExp(SUBJECT), 20000);
  // The record is read once online, so its comments are kept too.
  await s.click(await s.findIn(row, "[data-testid=record-open]"));
  await s.withText("[data-testid=comment]", /First note/, 15000);
  await s.click(await s.find("[data-testid=record-back]"));
  await s.withText("#table-title", /^Contacts$/);
  // The copy is written off the command's path; give it a moment.
  await new Promise((r) => setTimeout(r, 1000));
  await stopServer();

  await s.keys([Keys.CONTROL, "k"]);
  await s.fill(await s.waitFor("[data-testid=palette-input]"), WORD.slice(0, 7));
  const hit = await s.withText("[data-testid=palette-item]", new RegExp(SUBJECT), 5000);
  assert.equal(await s.attribute(hit, "data-id"), `record:${connId}:${CONTACTS}:${recordId}`);
  const headings = await s.readAll("[data-testid=palette-heading]");
  assert.ok(headings.includes("Records in Offline test › Contacts"), JSON.stringify(headings));
  // The record is the first choice: Enter opens it, from the keyboard alone.
  assert.equal((await s.readAll("[data-testid=palette-item]", "data-id"))[0], `record:${connId}:${CONTACTS}:${recordId}`);
  await s.keys([Keys.ENTER]);
  await s.withText("[data-testid=record-title]", new RegExp(SUBJECT), 10000);
  const banner = await s.waitFor("[data-testid=offline-banner]", 15000);
  assert.match(await s.text(banner), /^Offline: as of \d{1,2}:\d{2}/);
  assert.match(await s.text(await s.find("[data-testid=record-page]")), new RegExp(WORD));
  // The comments read online are there too, from the copy.
  await s.withText("[data-testid=comment]", /First note/, 10000);
  // The status bar says so too, wherever the user is.
  await s.withText("[data-testid=status-offline]", /^· offline since \d{1,2}:\d{2}/, 10000);
  // Tasks are not in the copy: the page says so once, with no error of its own.
  await s.withText("[data-testid=record-tasks-offline]", /not kept on this computer/);
  const tasks = await s.evaluate(`return document.querySelector("[aria-labelledby=tasks-title]").innerText;`);
  assert.doesNotMatch(tasks, /Cannot reach|could not/, tasks);
});

test("an edit made offline is refused with the message and never reaches the server", async () => {
  await s.click(await s.waitFor("[data-testid=record-edit]"));
  await s.fill(await s.waitFor("[data-testid=record-form] [data-field=name]"), "Changed while offline");
  await s.click(await s.find("[data-testid=record-form-save]"));
  const error = await s.waitFor("[data-testid=record-form-error]", 15000);
  assert.match(await s.text(error), /not saved, and nothing is kept to send later/);
  // What was typed stays in the form.
  assert.equal(await s.property(await s.find("[data-testid=record-form] [data-field=name]"), "value"), "Changed while offline");
});

test("when the server is back, the banner goes and the record refreshes; the offline edit was never sent", async () => {
  sandbox = await startSandbox(sandboxArgs);
  const changed = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${recordId}/update`, { data: { name: `${SUBJECT} (fixed)` } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const reply = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${recordId}/comments/create`, { content: "Back on the mains." });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  await s.until(async () => (await s.findAll("[data-testid=offline-banner]")).length === 0, "the offline banner to go", 30000);
  await s.withText("[data-testid=record-title]", /\(fixed\)$/, 15000);
  // The thread reloads with the record, without a click, and so do the tasks.
  await s.withText("[data-testid=comment]", /Back on the mains/, 15000);
  await s.withText("[aria-labelledby=tasks-title] .task-list", /No tasks on this record/, 15000);
  assert.equal((await s.findAll("[data-testid=record-tasks-offline]")).length, 0);
  await s.until(async () => (await s.findAll("[data-testid=status-offline]")).length === 0, "the status bar to drop 'offline'", 10000);
  await new Promise((r) => setTimeout(r, 2000));
  const now = await api(sandbox.url, OWNER, `/table/${CONTACTS}/record/${recordId}/get`);
  assert.equal(now.body.data?.name ?? now.body.name, `${SUBJECT} (fixed)`);
  const rows = await api(sandbox.url, OWNER, `/table/${CONTACTS}/records/query`, { limit: 1000 });
  assert.ok(!JSON.stringify(rows.body).includes("Changed while offline"), "the offline edit reached the server");
  await s.click(await s.find("[data-testid=record-form-cancel]"));
});

test("the cache file holds no plain-text record words and no key", async () => {
  const files = readdirSync(cacheDir).map((f) => join(cacheDir, f));
  assert.ok(files.some((f) => f.endsWith(`${connId}.db`)), JSON.stringify(files));
  let bytes = 0;
  for (const f of files) {
    const raw = readFileSync(f);
    bytes += raw.length;
    for (const needle of [WORD, "ballast", "Grace Hopper", "Offline lamp", OWNER, "SQLite format"]) {
      assert.ok(!raw.includes(needle), `${f} holds "${needle}" in plain text`);
    }
  }
  assert.ok(bytes > 4096, `the cache holds something (${bytes} bytes)`);
  // The cache's key is in the keychain, not beside the file.
  const key = cacheKeyInKeychain(connId);
  assert.match(key ?? "", /^[0-9a-f]{64}$/);
  for (const f of files) assert.ok(!readFileSync(f).includes(key), `${f} holds the cache key`);
});

test("removing the connection removes its cache and the cache's key", async () => {
  await s.click(await s.waitFor("[data-testid=nav-connections]"));
  const card = `[data-connection-id="${connId}"]`;
  await s.click(await s.waitFor(`${card} [data-testid=connection-remove]`));
  await s.click(await s.waitFor(`${card} [data-testid=connection-remove-confirm]`));
  await s.until(async () => (await s.findAll(card)).length === 0, "the card to go");
  const left = existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.startsWith(connId)) : [];
  assert.deepEqual(left, []);
  assert.equal(cacheKeyInKeychain(connId), null);
});
