/** Editing record fields: which fields a form can edit, the text a field starts with, and the
 *  value sent back (§9.4 write formats). Pure functions, so the rules are unit-tested. */
import type { Field, FieldValue, Value } from "../api/bindings";
import { dateTimeToLocalInput, localInputToDateTime, localInputToTime, timeToLocalInput, type Zone } from "./time";

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

/** What a field's input starts with. Date-times and times arrive in UTC and are edited in the
 *  user's zone (`zone`, the system's by default). */
export function initialDraft(field: Field, value: FieldValue | undefined, zone?: Zone): Draft {
  const v = value ?? { kind: "empty" };
  if (isMultiSelect(field)) return v.kind === "select" ? [...v.value] : [];
  switch (v.kind) {
    case "text":
    case "date":
      return v.value;
    case "date_time":
      return dateTimeToLocalInput(v.value, zone) || v.value;
    case "time":
      return timeToLocalInput(v.value, zone) || v.value;
    case "number":
      return v.value === null ? "" : String(v.value);
    case "select":
      return v.value[0] ?? "";
    default:
      return "";
  }
}

export class DraftError extends Error {}

/** The value to send for a field, or throws `DraftError` with a message for the form. Local
 *  date-times and times go out as UTC in the API's format. */
export function toWrite(field: Field, draft: Draft, zone?: Zone): Value {
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
    case "date_time": {
      const utc = localInputToDateTime(text, zone);
      if (utc === null) throw new DraftError(`${field.name ?? field.id}: enter a date and time.`);
      return utc;
    }
    case "time": {
      const utc = localInputToTime(text, zone);
      if (utc === null) throw new DraftError(`${field.name ?? field.id}: enter a time.`);
      return utc;
    }
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new DraftError(`${field.name ?? field.id}: enter a date.`);
      return text;
    default:
      return draft;
  }
}

/** Only the fields whose draft differs from where it started. */
export function changes(fields: Field[], start: Record<string, Draft>, now: Record<string, Draft>, zone?: Zone): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const f of fields.filter(editable)) {
    const a = start[f.id] ?? "";
    const b = now[f.id] ?? "";
    if (JSON.stringify(a) !== JSON.stringify(b)) out[f.id] = toWrite(f, b, zone);
  }
  return out;
}
