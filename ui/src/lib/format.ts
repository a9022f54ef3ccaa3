/** Field values as text for the table and record views. */
import type { FieldValue, Value } from "./bindings";

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
