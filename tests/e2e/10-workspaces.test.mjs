// Workspaces and members through the window, on the built-in demo: the account owner creates,
// renames and deletes a workspace and manages its members; a key limited to some workspaces and a
// personal key are not offered what they cannot do.
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

const members = () => s.readAll("[data-testid=member]", "data-email");
const member = (email) => s.waitFor(`[data-testid=member][data-email='${email}']`);

async function as(connectionId) {
  await s.click(await s.waitFor(`[data-testid=connection-switcher] option[value=${connectionId}]`));
  await s.click(await s.waitFor("[data-testid=nav-workspaces]"));
  await s.waitFor("[data-testid=workspace-card]");
}

test("the owner creates a workspace and manages its members", async () => {
  await as("demo-owner");
  await s.click(await s.find("[data-testid=space-new]"));
  await s.fill(await s.waitFor("[data-testid=space-new-name]"), "Desktop Team");
  await s.click(await s.find("[data-testid=space-new-save]"));
  await s.until(async () => (await s.text(await s.waitFor("[data-testid=space-title]"))) === "Desktop Team", "the new workspace");
  await s.until(async () => (await members()).includes("ada@example.com"), "the owner among the members");

  // Someone already in: refused with the service's reason, and the address stays in the form.
  await s.fill(await s.find("[data-testid=member-add-email]"), "ada@example.com");
  await s.click(await s.find("[data-testid=member-add-save]"));
  assert.match(await s.text(await s.waitFor("[data-testid=member-add-error]")), /already a member/);
  assert.equal(await s.property(await s.find("[data-testid=member-add-email]"), "value"), "ada@example.com");

  await s.fill(await s.find("[data-testid=member-add-email]"), "bob@example.com");
  await s.click(await s.find("[data-testid=member-add-role] option[value=read_only]"));
  await s.click(await s.find("[data-testid=member-add-save]"));
  const bob = await member("bob@example.com");
  assert.equal(await s.property(await s.findIn(bob, "[data-testid=member-role]"), "value"), "read_only");

  await s.click(await s.findIn(bob, "[data-testid=member-role] option[value=admin]"));
  // Away and back: the role comes from the service.
  await s.click(await s.find("[data-testid=space-back]"));
  await s.click(await s.withText("[data-testid=workspace-card]", "Desktop Team").then((card) => s.findIn(card, "[data-testid=space-manage]")));
  await s.until(
    async () => (await s.property(await s.findIn(await member("bob@example.com"), "[data-testid=member-role]"), "value")) === "admin",
    "Bob as admin",
  );
  writeFileSync(join(OUTPUT, "members.png"), await s.screenshot());

  await s.click(await s.findIn(await member("bob@example.com"), "[data-testid=member-remove]"));
  await s.click(await s.findIn(await member("bob@example.com"), "[data-testid=member-remove-confirm]"));
  await s.until(async () => !(await members()).includes("bob@example.com"), "Bob removed");
  assert.equal((await s.findAll("[data-testid=member][data-email='ada@example.com'] [data-testid=member-role]")).length, 0,
    "the owner's role is not offered for change");
});

/** The designer's field rows as "name" values, read at once. */
const designerFields = () =>
  s.evaluate(`return [...document.querySelectorAll("[data-testid=designer-field-name]")].map((i) => i.value);`);

async function openSpace(name) {
  await s.click(await s.find("[data-testid=nav-workspaces]"));
  const card = await s.withText("[data-testid=workspace-card]", name);
  await s.click(await s.findIn(card, "[data-testid=space-manage]"));
  await s.waitFor("[data-testid=space-page]");
}

test("a table is designed, created and changed", async () => {
  await s.click(await s.find("[data-testid=table-new]"));
  await s.fill(await s.waitFor("[data-testid=designer-name]"), "Leads");
  await s.click(await s.find("[data-testid=designer-add-field]"));
  const names = await s.findAll("[data-testid=designer-field-name]");
  await s.fill(names[2], "Stage");
  const types = await s.findAll("[data-testid=designer-field-type]");
  await s.click(await s.findIn(types[1], "option[value=select]"));

  // A choice field without choices is caught before anything is sent, and nothing typed is lost.
  await s.click(await s.find("[data-testid=designer-save]"));
  assert.match(await s.text(await s.waitFor("[data-testid=designer-error]")), /“Stage” needs at least one choice/);
  assert.deepEqual(await designerFields(), ["ID", "Name", "Stage"]);
  await s.fill(await s.find("[data-testid=designer-field-options]"), "New\uE007Won"); // Enter between the two choices
  await s.click(await s.find("[data-testid=designer-add-field]"));
  await s.fill((await s.findAll("[data-testid=designer-field-name]"))[3], "Amount");
  await s.click(await s.findIn((await s.findAll("[data-testid=designer-field-type]"))[2], "option[value=number]"));
  writeFileSync(join(OUTPUT, "table-designer.png"), await s.screenshot());
  await s.click(await s.find("[data-testid=designer-save]"));

  await s.waitFor("[data-testid=table-page]");
  const headers = () => s.readAll("[data-testid=grid-header]");
  await s.until(async () => (await headers()).join() === "ID,Name,Stage,Amount", "the new table's columns");

  await openSpace("Desktop Team");
  const leads = await s.withText("[data-testid=space-table]", "Leads");
  await s.click(await s.findIn(leads, "[data-testid=table-design]"));
  await s.until(async () => (await designerFields()).join() === "ID,Name,Stage,Amount", "the saved design");
  assert.equal(await s.property(await s.find("[data-testid=designer-field-options]"), "value"), "New\nWon", "one choice per line");
  await s.fill((await s.findAll("[data-testid=designer-field-name]"))[3], "Value");
  await s.click((await s.findAll("[data-testid=designer-field-remove]"))[1]); // Stage
  await s.click(await s.find("[data-testid=designer-save]"));
  await s.waitFor("[data-testid=table-page]");
  await s.until(async () => (await headers()).join() === "ID,Name,Value", "the changed columns");
  await openSpace("Desktop Team");
});

test("a workspace is renamed and deleted", async () => {
  await s.click(await s.find("[data-testid=space-rename]"));
  await s.fill(await s.waitFor("[data-testid=space-name-input]"), "Desktop Crew");
  await s.click(await s.find("[data-testid=space-rename-save]"));
  await s.until(async () => (await s.text(await s.waitFor("[data-testid=space-title]"))) === "Desktop Crew", "the new name");
  await s.withText("[data-testid=sidebar-workspaces] li", "Desktop Crew"); // the sidebar follows

  await s.click(await s.find("[data-testid=space-delete]"));
  await s.click(await s.find("[data-testid=space-delete-confirm]"));
  await s.waitFor("[data-testid=workspaces-page]");
  await s.until(async () => {
    const names = await s.readAll("[data-testid=workspace-name]");
    return names.length > 0 && !names.includes("Desktop Crew");
  }, "the workspace gone from the list");
});

test("keys are offered only what they can do", async () => {
  await as("demo-restricted");
  assert.equal((await s.findAll("[data-testid=space-new]")).length, 0, "a restricted key cannot create workspaces");
  await s.click(await s.find("[data-testid=space-manage]"));
  await s.waitFor("[data-testid=member]");
  assert.equal((await s.findAll("[data-testid=space-delete]")).length, 0, "nor delete them");
  assert.ok((await s.findAll("[data-testid=member-add]")).length > 0, "but it manages members in its workspace");

  await as("demo-alice");
  assert.equal((await s.findAll("[data-testid=space-new]")).length, 0);
  assert.equal((await s.findAll("[data-testid=space-manage]")).length, 0, "a personal key cannot manage members");
});
