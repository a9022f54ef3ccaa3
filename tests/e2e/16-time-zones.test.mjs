// The app in two time zones, east and west of UTC and on different sides of a DST change:
// Pacific/Auckland (NZDT, +13 in December) and America/Los_Angeles (PST, -8). Each zone gets a
// tauri-driver of its own started with TZ set, so the app and its web view run in that zone.
// Editing a date-time there stores the right UTC value on the server; a stored value reads as the
// local one; a task's due time goes up as UTC; a web link in a field or a comment goes to the
// default browser through the shell (a stand-in `xdg-open` on PATH records what it was given).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";
import { APP, OUTPUT } from "./env.mjs";
import { api, startSandbox } from "./sandbox.mjs";
import { addConnection, useConnection } from "./connections.mjs";
import { openTable } from "./nav.mjs";

const OWNER = "il_live_sandbox_owner";
const TICKETS = 3;

let sandbox;
let ticket;
let connectionId = null;
const bin = mkdtempSync(join(tmpdir(), "il-e2e-browser-"));
const opened = join(bin, "opened.txt");

before(async () => {
  sandbox = await startSandbox();
  const created = await api(sandbox.url, OWNER, `/table/${TICKETS}/records/create`, {
    data: {
      subject: "Zone check ticket",
      description: "Runbook at https://example.com/il-e2e-runbook.",
      opened_at: "2026-07-15 23:45:00",
      due: "2026-12-24",
    },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  ticket = created.body.id;
  const comment = await api(sandbox.url, OWNER, `/table/${TICKETS}/record/${ticket}/comments/create`, {
    content: "Logs: https://example.com/il-e2e-logs?run=1 (see there)",
  });
  assert.equal(comment.status, 200);
  // The "browser": records the address it was asked to open.
  writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${opened}'\n`);
  chmodSync(join(bin, "xdg-open"), 0o755);
});
after(() => sandbox?.stop());

/** A tauri-driver whose app runs in `zone`. */
async function driverIn(zone, port) {
  const child = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], {
    env: { ...process.env, TZ: zone, PATH: `${bin}:${process.env.PATH}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) return { url, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`tauri-driver for ${zone} did not start`);
}

const stored = async () => (await api(sandbox.url, OWNER, `/table/${TICKETS}/record/${ticket}/get`)).body.data.opened_at;

async function openTicket(s) {
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await openTable(s, "Tickets");
  await s.waitFor("[data-testid=record-row]");
  await s.fill(await s.find("[data-testid=table-search]"), "Zone check ticket");
  await s.until(async () => (await s.findAll("[data-testid=record-row]")).length === 1, "the ticket");
  await s.clickOn("[data-testid=record-open]");
  await s.withText("[data-testid=record-title]", "Zone check ticket");
}

/** The record's fields as shown; empty while the edit form is still up (a save in flight). */
const fieldsText = async (s) => {
  const [fields] = await s.findAll("[data-testid=record-fields]");
  return fields ? s.text(fields) : "";
};

const ZONES = [
  {
    zone: "Pacific/Auckland",
    port: 4480,
    // 23:45 UTC on Jul 15 is 11:45 on Jul 16 in NZST (+12).
    reads: /Opened At\s+Jul 16, 2026,? 11:45\sAM/,
    // 09:30 on Dec 1 in NZDT (+13) is 20:30 UTC the day before.
    typed: "2026-12-01T09:30",
    utc: "2026-11-30 20:30:00",
    shows: /Opened At\s+Dec 1, 2026,? 9:30\sAM/,
    task: { date: "2026-12-01", time: "09:00", due_date: "2026-11-30", due_time: "20:00" },
  },
  {
    zone: "America/Los_Angeles",
    port: 4482,
    // 20:30 UTC on Nov 30 is 12:30 on Nov 30 in PST (-8).
    reads: /Opened At\s+Nov 30, 2026,? 12:30\sPM/,
    // 17:30 on Dec 1 in PST is 01:30 UTC the next day.
    typed: "2026-12-01T17:30",
    utc: "2026-12-02 01:30:00",
    shows: /Opened At\s+Dec 1, 2026,? 5:30\sPM/,
    task: { date: "2026-12-01", time: "17:00", due_date: "2026-12-02", due_time: "01:00" },
  },
];

for (const z of ZONES) {
  test(`in ${z.zone}, date-times read and are edited in local time and stored as UTC`, async () => {
    const driver = await driverIn(z.zone, z.port);
    const s = await Session.start(driver.url, APP);
    try {
      const zone = await s.evaluate("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
      assert.equal(zone, z.zone, "the web view runs in the zone");
      if (connectionId === null) {
        connectionId = await addConnection(s, "Time zones (owner)", sandbox.url, OWNER);
        await useConnection(s, connectionId);
      }
      await openTicket(s);
      // What the server holds reads as local time; the date-only field is never shifted.
      await s.until(async () => z.reads.test(await fieldsText(s)), `the stored value read in ${z.zone}`);
      assert.match(await fieldsText(s), /Due\s+Dec 24, 2026/);

      await s.click(await s.find("[data-testid=record-edit]"));
      const input = "[data-testid=record-form] [data-field=opened_at]";
      await s.waitFor(input);
      await s.setValue(input, z.typed);
      await s.click(await s.find("[data-testid=record-form-save]"));
      await s.until(async () => (await stored()) === z.utc, `${z.utc} on the server`);
      await s.until(async () => z.shows.test(await fieldsText(s)), "the local value shown back");
      const form = await api(sandbox.url, OWNER, `/table/${TICKETS}/record/${ticket}/get`);
      assert.equal(form.body.data.due, "2026-12-24", "the date is untouched");

      // A task's due time goes up as UTC too.
      const title = `Zone task ${z.zone}`;
      await s.fill(await s.find("[data-testid=record-task-title]"), title);
      await s.setValue("[data-testid=record-task-due]", z.task.date);
      await s.setValue("[data-testid=record-task-time]", z.task.time);
      await s.click(await s.find("[data-testid=record-task-add]"));
      await s.withText("[data-testid=record-task]", title);
      const task = (await api(sandbox.url, OWNER, `/tasks/onRecord/${TICKETS}/${ticket}/list`)).body.find((t) => t.title === title);
      assert.equal(task.due_date, z.task.due_date);
      assert.equal(task.due_time.slice(0, 5), z.task.due_time);
      writeFileSync(join(OUTPUT, `zone-${z.zone.replace("/", "-")}.png`), await s.screenshot());
    } finally {
      await s.end().catch(() => {});
      driver.stop();
    }
  });
}

test("web links in a field and in a comment open in the default browser, through the shell", async () => {
  const driver = await driverIn("UTC", 4484);
  const s = await Session.start(driver.url, APP);
  try {
    await openTicket(s);
    await s.click(await s.withText("[data-testid=record-fields] [data-testid=text-link]", "il-e2e-runbook"));
    await s.until(() => existsSync(opened) && readFileSync(opened, "utf8").includes("https://example.com/il-e2e-runbook\n"), "the field's link opened");
    await s.click(await s.withText("[data-testid=comment] [data-testid=text-link]", "il-e2e-logs"));
    await s.until(() => readFileSync(opened, "utf8").includes("https://example.com/il-e2e-logs?run=1\n"), "the comment's link opened");
    assert.deepEqual(readFileSync(opened, "utf8").trim().split("\n"), [
      "https://example.com/il-e2e-runbook",
      "https://example.com/il-e2e-logs?run=1",
    ], "the sentence's full stop and bracket are not part of the links");
    // Anything but http(s) is refused by the shell, whatever the page asks.
    const refused = await s.executeAsync(
      "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke('open_link', { url: 'file:///etc/passwd' }).then(() => done('opened'), (e) => done(e.message ?? String(e)));",
    );
    assert.match(refused, /Only web links/);
    assert.equal(readFileSync(opened, "utf8").trim().split("\n").length, 2, "nothing else was opened");
  } finally {
    await s.end().catch(() => {});
    driver.stop();
  }
});
