// The window's capability grants exactly the app commands the UI calls: nothing unused is
// reachable from the webview, and nothing the UI needs is refused at run time.
// `UPDATE_CAPABILITIES=1 npx vitest run capabilities` rewrites the grant from the calls.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    const isUi = (p.endsWith(".ts") || p.endsWith(".svelte")) && !p.endsWith(".test.ts");
    return isUi && !p.endsWith("bindings.ts") ? [p] : [];
  });
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe("capabilities/main.json", () => {
  it("grants exactly the commands the UI calls", () => {
    const used = new Set<string>();
    for (const file of sources(root)) {
      for (const m of readFileSync(file, "utf8").matchAll(/commands\.([a-zA-Z]+)\(/g)) {
        used.add(`allow-${kebab(m[1]!)}`);
      }
    }
    const path = join(root, "../../src-tauri/capabilities/main.json");
    const capability = JSON.parse(readFileSync(path, "utf8")) as { permissions: string[] };
    if (process.env.UPDATE_CAPABILITIES) {
      const others = capability.permissions.filter((p) => !p.startsWith("allow-"));
      capability.permissions = [...others, ...[...used].sort()];
      writeFileSync(path, `${JSON.stringify(capability, null, 2)}\n`);
    }
    const granted = capability.permissions.filter((p) => p.startsWith("allow-"));
    expect(used.size).toBeGreaterThan(0);
    expect([...granted].sort()).toEqual([...used].sort());
  });
});
