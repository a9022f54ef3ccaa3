/** Numbers, sizes and progress as text, and what a field's schema says about its values. */
import type { Value } from "../api/bindings";

/** The `decimals` setting of a field's options, if any. */
export function decimalsOf(options: Value | undefined): number | null {
  if (options && typeof options === "object" && !Array.isArray(options)) {
    const d = (options as { [key: string]: Value })["decimals"];
    if (typeof d === "number") return d;
  }
  return null;
}

/** "12 KB", "3.4 MB": sizes as people read them (1 KB = 1000 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The share of a transfer done, 0–100; 0 while the total is not known yet. */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

/** The table a link (lookup) field points to, as `table/get` describes it (`{table: {id, text}}`). */
export function linkTarget(field: { [key: string]: Value | undefined }): { id: number; name: string } | null {
  const t = field["table"];
  if (!t || typeof t !== "object" || Array.isArray(t)) return null;
  const id = t["id"];
  if (typeof id !== "number" || id <= 0) return null;
  return { id, name: typeof t["text"] === "string" ? t["text"] : `Table ${id}` };
}
