// A second launch must hand over to the running app and exit, not open a second window.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, exitWithin, waitUntil } from "./app-process.mjs";
import { busNamesOf } from "./dbus.mjs";

test("a second launch exits and leaves the first one running", async () => {
  const first = launch("single-instance-first.log");
  try {
    await waitUntil(() => busNamesOf(first.pid).length > 0, 20000, "the first instance on the bus");
    // Give the single-instance plugin time to claim its well-known bus name.
    await new Promise((r) => setTimeout(r, 1500));
    const second = launch("single-instance-second.log");
    const status = await exitWithin(second, 15000);
    second.kill();
    assert.notEqual(status, null, "the second instance exited by itself");
    assert.equal(status.code, 0);
    assert.equal(await exitWithin(first, 500), null, "the first instance is still running");
  } finally {
    first.kill();
    await exitWithin(first, 5000);
  }
});
