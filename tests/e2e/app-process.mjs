// Launching the app binary directly (not through WebDriver) for tray and single-instance tests.
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { APP, OUTPUT } from "./env.mjs";

export function launch(logName) {
  const log = createWriteStream(join(OUTPUT, logName));
  const child = spawn(APP, [], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return child;
}

/** Resolves with the exit status, or with null if the process is still running after `ms`. */
export function exitWithin(child, ms) {
  return Promise.race([child.exited, new Promise((r) => setTimeout(() => r(null), ms))]);
}

export async function waitUntil(fn, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The instance that took over the tray after `oldPid` closed its window to it (see
 *  src-tauri/src/handover.rs): the newest process of the app binary that is not `oldPid`. */
export async function trayTakeover(oldPid, ms = 20000) {
  return waitUntil(() => {
    try {
      const pid = Number(execFileSync("pgrep", ["-n", "-f", `^${APP} --in-tray --after ${oldPid}`], { encoding: "utf8" }).trim());
      return pid > 0 && pid !== oldPid ? pid : null;
    } catch {
      return null; // none yet
    }
  }, ms, `the instance taking over the tray from ${oldPid}`);
}

/** Whether a process is still there. */
export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The newest process of the app binary: the one tauri-driver just started. */
export const newestAppPid = () => Number(execFileSync("pgrep", ["-n", "-f", APP], { encoding: "utf8" }).trim());
