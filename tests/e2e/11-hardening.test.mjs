// What the app meets on a real desktop and must survive: a damaged connections file, and a
// session with no Secret Service at all. Each launch gets its own config and data folders (and,
// for the second, its own session bus with nothing on it), through a small launcher script.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "./webdriver.mjs";
import { APP, DRIVER, OUTPUT } from "./env.mjs";

const IDENTIFIER = "com.infolobby.desktop";
/** WebKit paints a moment after the page changed; a screenshot taken at once shows the last
 *  frame. */
const settle = () => new Promise((r) => setTimeout(r, 800));

/** A launcher that runs the app with `env` on top of this environment. */
function launcher(root, env) {
  const script = join(root, "launch.sh");
  const exports = Object.entries(env)
    .map(([k, v]) => `export ${k}='${v.replaceAll("'", "'\\''")}'`)
    .join("\n");
  writeFileSync(script, `#!/bin/sh\n${exports}\nexec '${APP}' "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}

function freshDirs(name) {
  const root = mkdtempSync(join(tmpdir(), `il-e2e-${name}-`));
  const config = join(root, "config");
  const data = join(root, "data");
  mkdirSync(join(config, IDENTIFIER), { recursive: true });
  mkdirSync(data, { recursive: true });
  return { root, config, data, appConfig: join(config, IDENTIFIER) };
}

/** A session bus of its own with no services to start: no Secret Service, no keyring. */
async function emptyBus(root) {
  const conf = join(root, "bus.conf");
  writeFileSync(
    conf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${root}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const bus = spawn("dbus-daemon", ["--config-file", conf, "--nofork", "--print-address"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const address = await new Promise((resolve, reject) => {
    let text = "";
    bus.stdout.on("data", (d) => {
      text += d;
      if (text.includes("\n")) resolve(text.trim());
    });
    bus.on("exit", (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  return { address, stop: () => bus.kill() };
}

test("a damaged connections file is reported in the window and kept", async () => {
  const dirs = freshDirs("damaged");
  writeFileSync(join(dirs.appConfig, "connections.json"), '[{"id": "c1", "name": "Work", ');
  const app = launcher(dirs.root, { XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data });
  const s = await Session.start(DRIVER, app);
  try {
    const notice = await s.waitFor("[data-testid=damaged-files]", 15000);
    const text = await s.text(notice);
    assert.match(text, /list of connections could not be read/);
    const keptAs = await s.text(await s.find("[data-testid=damaged-kept-as]"));
    assert.match(keptAs, /connections\.json\.damaged-\d{8}-\d{6}/);
    assert.equal(readFileSync(keptAs, "utf8"), '[{"id": "c1", "name": "Work", ', "the damaged content is kept");
    assert.ok(!existsSync(join(dirs.appConfig, "connections.json")), "nothing half-read was written back");
    // The app goes on: the first-launch choices are there under the notice.
    await s.waitFor("[data-testid=try-demo]");
    await settle();
    writeFileSync(join(OUTPUT, "damaged-connections.png"), await s.screenshot());
    await s.click(await s.find("[data-testid=damaged-dismiss]"));
    await s.until(async () => (await s.findAll("[data-testid=damaged-files]")).length === 0, "the notice to go");
  } finally {
    await s.end();
  }
});

test("the demo works in a session with no Secret Service", async () => {
  const dirs = freshDirs("nokeyring");
  const bus = await emptyBus(dirs.root);
  const app = launcher(dirs.root, {
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    DBUS_SESSION_BUS_ADDRESS: bus.address,
  });
  const s = await Session.start(DRIVER, app);
  try {
    await s.click(await s.waitFor("[data-testid=try-demo]", 15000));
    const names = await s.until(async () => {
      const all = await s.readAll("[data-testid=workspace-name]");
      return all.length >= 2 ? all : null;
    }, "the demo's workspaces", 20000);
    assert.ok(names.includes("Sales CRM"), names.join(", "));
    // The demo's connections are saved; their public keys are not looked for in any keychain.
    const saved = readFileSync(join(dirs.appConfig, "connections.json"), "utf8");
    assert.match(saved, /"demo": true/);
    await settle();
    writeFileSync(join(OUTPUT, "demo-without-keychain.png"), await s.screenshot());
  } finally {
    await s.end();
    bus.stop();
  }
});
