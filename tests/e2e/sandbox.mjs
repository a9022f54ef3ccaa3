// A sandbox server next to the app binary (cargo builds both into the same folder), for
// connections that are not the app's built-in demo.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { APP } from "./env.mjs";

// A script that fails half-way must not leave its servers holding their ports.
const running = new Set();
process.on("exit", () => running.forEach((c) => c.kill("SIGTERM")));

/** `args`: extra command-line options, e.g. ["--large-table-rows", "100000"]. */
export async function startSandbox(args = []) {
  const child = spawn(join(dirname(APP), "infolobby-sandbox"), args, { stdio: ["ignore", "pipe", "inherit"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
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

/** A call to the sandbox's own HTTP API, to check what the app did on the server. */
export async function api(url, key, path, body = null) {
  const res = await fetch(`${url}${path}`, {
    method: body === null ? "GET" : "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: body === null ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Every row of a query, through the API, 1,000 at a time. */
export async function queryAll(url, key, tableId, body = {}) {
  const out = [];
  for (;;) {
    const page = await api(url, key, `/table/${tableId}/records/query`, { ...body, limit: 1000, offset: out.length });
    if (!Array.isArray(page.body)) throw new Error(`query failed: ${JSON.stringify(page.body)}`);
    out.push(...page.body);
    if (page.body.length < 1000) return out;
  }
}
