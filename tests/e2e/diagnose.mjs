// What the machine looks like when the app does not come up: printed to stderr (CI keeps it)
// so a start that hangs once in many runs can be understood from the log alone.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const read = (path) => {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "?";
  }
};

/** The app's and WebKit's processes, each app thread's wait channel, and a screenshot. */
export function diagnose(why) {
  const lines = [`--- e2e diagnosis: ${why}`];
  try {
    const ps = execFileSync("ps", ["-eo", "pid,ppid,stat,etimes,wchan:24,args"], { encoding: "utf8" });
    const ours = ps.split("\n").filter((l) => /infolobby|WebKit|tauri-driver|xdg-open/.test(l));
    lines.push(...ours.map((l) => l.slice(0, 220)));
    for (const l of ours) {
      const [pid, , , , , args] = l.trim().split(/\s+/);
      if (!/infolobby-desktop$/.test(args ?? "")) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        lines.push(`  ${pid}/${tid} ${read(`/proc/${pid}/task/${tid}/comm`)} ${read(`/proc/${pid}/task/${tid}/wchan`)}`);
      }
    }
  } catch (e) {
    lines.push(`(ps failed: ${e.message})`);
  }
  const shot = join(process.env.E2E_OUTPUT ?? tmpdir(), `diagnosis-${Date.now()}.png`);
  try {
    execFileSync("import", ["-window", "root", shot], { timeout: 10000 });
    lines.push(`screen: ${shot}`);
  } catch (e) {
    lines.push(`(no screenshot: ${e.message})`);
  }
  console.error(lines.join("\n"));
}
