// A sandbox server next to the app binary (cargo builds both into the same folder), for
// connections that are not the app's built-in demo.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { APP } from "./env.mjs";

export async function startSandbox() {
  const child = spawn(join(dirname(APP), "infolobby-sandbox"), [], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`infolobby-sandbox exited with ${code}`)));
    lines.on("line", (line) => {
      const m = /listening on (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
