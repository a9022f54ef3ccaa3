/** What a grid cell shows, by field type, as data: the grid draws it, the CSV export writes its
 *  text, and both come from here so an export holds exactly what the grid shows. */
import type { Field, FieldValue, Value } from "../api/bindings";
import { decimalsOf, linkTarget } from "./format";
import { formatDate, formatDateTime, formatTime, type DisplayOptions } from "./time";

export type Chip = { label: string; color: string | null };
export type Person = { name: string; initials: string };
export type Link = { id: number; title: string };

export type Cell =
  | { kind: "empty" }
  | { kind: "id"; text: string }
  | { kind: "text"; text: string }
  | { kind: "number"; text: string }
  | { kind: "date"; text: string }
  | { kind: "chips"; chips: Chip[] }
  | { kind: "people"; people: Person[] }
  | { kind: "links"; links: Link[]; tableId: number | null }
  | { kind: "files"; names: string[] }
  | { kind: "calc"; text: string; numeric: boolean };

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Each schema's colours are read once: a grid asks for them in every select cell it draws. */
const colourCache = new WeakMap<Field, Map<string, string>>();

/** Option title → colour, from the schema. Only plain hex colours are taken: the value goes into
 *  a style, and a server could send anything. */
export function optionColours(field: Field): Map<string, string> {
  const known = colourCache.get(field);
  if (known) return known;
  const out = new Map<string, string>();
  colourCache.set(field, out);
  if (!Array.isArray(field.options)) return out;
  for (const o of field.options) {
    if (!o || typeof o !== "object" || Array.isArray(o)) continue;
    const { title, color } = o as { [k: string]: Value };
    if (typeof title === "string" && typeof color === "string" && HEX_COLOUR.test(color)) out.set(title, color);
  }
  return out;
}

/** Dark or light text, whichever reads better on a chip of this colour. */
export function chipText(colour: string): "dark" | "light" {
  let hex = colour.slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.55 ? "dark" : "light";
}

/** "Grace Hopper" → "GH", "ada@example.com" → "A", "" → "?". */
export function initials(name: string): string {
  const words = name.replace(/@.*$/, "").split(/[\s._-]+/).filter((w) => w.length > 0);
  const letters = (words.length > 1 ? [words[0], words[words.length - 1]] : words).map((w) => [...(w ?? "")][0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

/** `toLocaleString` with options builds a formatter on every call, which costs far more than
 *  the formatting: a grid's first screen was spending milliseconds on it. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberText(n: number, decimals: number | null, locale?: string): string {
  const key = `${locale ?? ""}|${decimals ?? ""}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, decimals === null ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A value of a type this client does not know, as readable text. */
function jsonText(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map(jsonText).filter((s) => s !== "").join(", ");
  for (const k of ["title", "name", "text", "email"]) {
    if (typeof v[k] === "string") return v[k] as string;
  }
  return JSON.stringify(v);
}

export function cellFor(field: Field, value: FieldValue | undefined, o: DisplayOptions = {}): Cell {
  const v = value ?? { kind: "empty" };
  switch (v.kind) {
    case "empty":
      return { kind: "empty" };
    case "key":
      return { kind: "id", text: String(v.value) };
    case "text":
      return v.value === "" ? { kind: "empty" } : { kind: "text", text: v.value };
    case "number":
      return v.value === null ? { kind: "empty" } : { kind: "number", text: numberText(v.value, decimalsOf(field.options), o.locale) };
    case "date":
      return { kind: "date", text: formatDate(v.value, o) };
    case "date_time":
      return { kind: "date", text: formatDateTime(v.value, o) };
    case "time":
      return { kind: "date", text: formatTime(v.value, o) };
    case "select": {
      if (v.value.length === 0) return { kind: "empty" };
      const colours = optionColours(field);
      return { kind: "chips", chips: v.value.map((label) => ({ label, color: colours.get(label) ?? null })) };
    }
    case "users": {
      const people = v.value.map((u) => {
        const name = u.name ?? u.email ?? (u.id === null ? "Unknown" : `User ${u.id}`);
        return { name, initials: initials(name) };
      });
      return people.length === 0 ? { kind: "empty" } : { kind: "people", people };
    }
    case "lookups": {
      const links = v.value.map((l) => ({ id: l.id, title: l.title ?? `#${l.id}` }));
      return links.length === 0 ? { kind: "empty" } : { kind: "links", links, tableId: linkTarget(field)?.id ?? null };
    }
    case "files":
      return v.value.length === 0 ? { kind: "empty" } : { kind: "files", names: v.value.map((f) => f.name) };
    case "calc": {
      if (v.value === null) return { kind: "empty" };
      const numeric = typeof v.value === "number";
      const text = typeof v.value === "number" ? numberText(v.value, decimalsOf(field.options), o.locale) : jsonText(v.value);
      return { kind: "calc", text, numeric };
    }
    case "unknown":
      return v.value === null ? { kind: "empty" } : { kind: "text", text: jsonText(v.value) };
  }
}

/** A cell as plain text, as the export writes it. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "chips":
      return cell.chips.map((c) => c.label).join(", ");
    case "people":
      return cell.people.map((p) => p.name).join(", ");
    case "links":
      return cell.links.map((l) => l.title).join(", ");
    case "files":
      return cell.names.join(", ");
    default:
      return cell.text;
  }
}

/** Whether a cell's column reads right-aligned. */
export const isNumeric = (field: Field) => field.type === "number" || field.type === "calc";
