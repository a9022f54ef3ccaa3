// File attachments through the window, on the built-in demo: pick a file in the system's own
// file picker (GTK, driven with xdotool as a user would type a path), watch it upload, download it
// back into the Downloads folder, retry an upload that failed, and remove a file.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";
import { typeIntoFileDialog } from "./dialogs.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";
import { openTable } from "./nav.mjs";

let s;
before(async () => {
  s = await Session.start(DRIVER, APP);
});
after(async () => {
  await s?.end();
});

/** Types `path` into the GTK file chooser the app opened. */
const pickInFileChooser = (path) => typeIntoFileDialog(s, "^Attach to ", path);

const fileNames = () => s.readAll("[data-testid=files-field] [data-testid=file]", "data-name");

const dir = mkdtempSync(join(tmpdir(), "il-e2e-files-"));

test("a file picked in the system's file chooser is uploaded and downloaded back", async () => {
  await s.click(await s.waitFor("[data-testid=connection-switcher] option[value=demo-owner]"));
  await openTable(s, "Deals");
  await s.clickOn("[data-testid=record-open]");
  await s.waitFor("[data-testid=files-field]");
  const before = await fileNames();

  const content = `Quote for the desktop app, ${new Date().toISOString()}\n`;
  writeFileSync(join(dir, "quote.txt"), content);
  await s.click(await s.find("[data-testid=file-attach]"));
  await pickInFileChooser(join(dir, "quote.txt"));
  await s.until(async () => (await fileNames()).includes("quote.txt"), "quote.txt in the list");
  assert.equal((await fileNames()).length, before.length + 1, "appended, nothing else changed");

  const row = await s.find("[data-testid=file][data-name='quote.txt']");
  await s.click(await s.findIn(row, "[data-testid=file-download]"));
  const saved = await s.until(async () => {
    const el = await s.findAllIn(row, "[data-testid=file-saved]");
    return el.length > 0 ? s.text(el[0]) : null;
  }, "the download");
  const savedTo = saved.match(/Saved to (.+?)\s*Show in folder/)?.[1];
  assert.ok(savedTo?.startsWith(process.env.E2E_DOWNLOADS), `saved in the Downloads folder: ${saved}`);
  assert.equal(readFileSync(savedTo, "utf8"), content, "the same bytes came back");
  writeFileSync(join(OUTPUT, "files.png"), await s.screenshot());
});

test("an upload that fails says why and can be tried again", async () => {
  // Over the 10 MB limit: refused before anything is sent.
  const big = join(dir, "scan.pdf");
  writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 1));
  await s.click(await s.find("[data-testid=file-attach]"));
  await pickInFileChooser(big);
  const error = await s.waitFor("[data-testid=upload-error]");
  assert.match(await s.text(error), /larger than InfoLobby accepts/);
  assert.ok(!(await fileNames()).includes("scan.pdf"));
  writeFileSync(join(OUTPUT, "upload-failed.png"), await s.screenshot());

  // The user makes the file smaller and tries again; the failed entry remembered the file.
  truncateSync(big, 2048);
  await s.click(await s.find("[data-testid=upload-retry]"));
  await s.until(async () => (await fileNames()).includes("scan.pdf"), "scan.pdf in the list");
  assert.equal((await s.findAll("[data-testid=upload-error]")).length, 0, "the failure is gone");
});

test("a comment carries files picked for it", async () => {
  await s.click(await s.find("[data-testid=comment-attach]"));
  await pickInFileChooser(join(dir, "quote.txt"));
  await s.withText("[data-testid=comment-attachment]", "quote.txt");
  await s.fill(await s.find("[data-testid=comment-draft]"), "Quote attached from the desktop");
  await s.click(await s.find("[data-testid=comment-post]"));
  const posted = await s.withText("[data-testid=comment]", "Quote attached from the desktop");
  assert.match(await s.text(posted), /quote\.txt\s+\d+ B\s+Download/);
  assert.equal((await s.findAll("[data-testid=comment-attachment]")).length, 0, "the form is ready for the next one");
});

test("removing a file asks first", async () => {
  const row = await s.find("[data-testid=file][data-name='scan.pdf']");
  await s.click(await s.findIn(row, "[data-testid=file-remove]"));
  await s.click(await s.findIn(row, "[data-testid=file-remove-confirm]"));
  await s.until(async () => !(await fileNames()).includes("scan.pdf"), "scan.pdf gone");
  assert.ok((await fileNames()).includes("quote.txt"), "the other file stays");
});
