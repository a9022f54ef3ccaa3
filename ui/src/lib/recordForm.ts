/** Editing record fields: which fields a form can edit, the text a field starts with, and the
 *  value sent back (§9.4 write formats). Pure functions, so the rules are unit-tested. */
import type { Field, FieldValue, Value } from "../api/bindings";

export type Draft = string | string[];

const EDITABLE = new Set(["text", "textarea", "number", "date", "datetime", "date_time", "time", "select"]);

export function editable(field: Field): boolean {
  return !field.key && EDITABLE.has(field.type ?? "");
}

export function isMultiSelect(field: Field): boolean {
  return field.type === "select" && field.multiple === true;
}

/** Select options, whether they came as `[{title}]` or as plain strings. */
export function optionTitles(field: Field): string[] {
  const options = field.options;
  if (!Array.isArray(options)) return [];
  return options
    .map((o) => (typeof o === "string" ? o : o && typeof o === "object" && !Array.isArray(o) ? o["title"] : null))
    .filter((t): t is string => typeof t === "string");
}

export function initialDraft(field: Field, value: FieldValue | undefined): Draft {
  const v = value ?? { kind: "empty" };
  if (isMultiSelect(field)) return v.kind === "select" ? [...v.value] : [];
  switch (v.kind) {
    case "text":
    case "date":
    case "date_time":
    case "time":
      return v.value;
    case "number":
      return v.value === null ? "" : String(v.value);
    case "select":
      return v.value[0] ?? "";
    default:
      return "";
  }
}

export class DraftError extends Error {}

/** The value to send for a field, or throws `DraftError` with a message for the form. */
export function toWrite(field: Field, draft: Draft): Value {
  if (Array.isArray(draft)) return draft;
  const text = draft.trim();
  if (text === "") return null;
  switch (field.type) {
    case "number": {
      const n = Number(text.replace(",", "."));
      if (!Number.isFinite(n)) throw new DraftError(`${field.name ?? field.id}: enter a number.`);
      return n;
    }
    case "datetime":
    case "date_time":
      // The date-time input gives `YYYY-MM-DDTHH:MM`; the API wants `YYYY-MM-DD HH:MM:SS`.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text.replace("T", " ")}:00` : text.replace("T", " ");
    case "time":
      return /^\d{2}:\d{2}$/.test(text) ? `${text}:00` : text;
    default:
      return draft;
  }
}

/** Only the fields whose draft differs from where it started. */
export function changes(fields: Field[], start: Record<string, Draft>, now: Record<string, Draft>): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const f of fields.filter(editable)) {
    const a = start[f.id] ?? "";
    const b = now[f.id] ?? "";
    if (JSON.stringify(a) !== JSON.stringify(b)) out[f.id] = toWrite(f, b);
  }
  return out;
}
