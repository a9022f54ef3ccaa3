/** Field values as text for the table and record views. */
import type { FieldValue, Value } from "../api/bindings";

function jsonText(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map(jsonText).filter((s) => s !== "").join(", ");
  const o = v as { [key: string]: Value };
  for (const k of ["title", "name", "text", "email"]) {
    if (typeof o[k] === "string") return o[k] as string;
  }
  return JSON.stringify(v);
}

/** `decimals` from a number field's options, when it has them. */
export function formatValue(v: FieldValue, decimals: number | null = null): string {
  switch (v.kind) {
    case "empty":
      return "";
    case "key":
    case "text":
    case "date":
    case "date_time":
    case "time":
      return String(v.value);
    case "number":
      if (v.value === null) return "";
      return decimals === null
        ? v.value.toLocaleString()
        : v.value.toLocaleString(undefined, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    case "select":
      return v.value.join(", ");
    case "users":
      return v.value.map((u) => u.name ?? u.email ?? (u.id === null ? "" : `#${u.id}`)).join(", ");
    case "lookups":
      return v.value.map((l) => l.title ?? `#${l.id}`).join(", ");
    case "files":
      return v.value.map((f) => f.name).join(", ");
    case "calc":
    case "unknown":
      return jsonText(v.value);
  }
}

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
