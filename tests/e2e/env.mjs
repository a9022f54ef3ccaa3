// What the e2e tests need from the harness (tests/e2e/run-session.sh sets all of it).
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the e2e tests through tests/e2e/run-session.sh`);
  return v;
}

export const APP = resolve(required("E2E_APP"));
export const DRIVER = process.env.E2E_DRIVER_URL ?? "http://127.0.0.1:4444";
export const OUTPUT = resolve(process.env.E2E_OUTPUT ?? "tests/output");
mkdirSync(OUTPUT, { recursive: true });
