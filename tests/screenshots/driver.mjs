// A tauri-driver of its own for one screenshot session, so each theme gets its own GTK_THEME.
import { spawn } from "node:child_process";

export async function driver(env, port) {
  const child = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], { env: { ...process.env, ...env }, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no driver");
}
