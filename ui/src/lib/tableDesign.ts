/** A table's fields as the designer edits them, and back into the definitions `tables/create`
 *  and `table/update` take (§7.3, §20). Fields the designer cannot edit (the key, formulas, types
 *  it does not know) travel back unchanged, so saving never loses them. */
import type { Field, Value } from "../api/bindings";
import { linkTarget } from "./format";

export const FIELD_TYPES: { type: string; label: string }[] = [
  { type: "text", label: "Text" },
  { type: "number", label: "Number" },
  { type: "date", label: "Date" },
  { type: "datetime", label: "Date and time" },
  { type: "time", label: "Time" },
  { type: "select", label: "Choice" },
  { type: "user", label: "People" },
  { type: "lookup", label: "Link to a table" },
  { type: "file", label: "Files" },
];

const EDITABLE = new Set(FIELD_TYPES.map((t) => t.type));

export type FieldDraft = {
  /** The field's id; null for a field added in the designer (the service derives it). */
  id: string | null;
  name: string;
  type: string;
  multiple: boolean;
  /** Choice titles, one per line. */
  options: string;
  decimals: number;
  /** The table a link points to. */
  tableId: number | null;
  /** The definition as read, for fields the designer shows but does not change. */
  locked: { [key: string]: Value } | null;
};

type Obj = { [key: string]: Value };
const isObj = (v: Value | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function optionLines(options: Value | undefined): string {
  if (!Array.isArray(options)) return "";
  return options
    .map((o) => (typeof o === "string" ? o : isObj(o) && typeof o["title"] === "string" ? o["title"] : ""))
    .filter((t) => t !== "")
    .join("\n");
}

/** A read field (§7.2 shape) as a draft. */
export function draftOf(field: Field): FieldDraft {
  const type = field.type ?? "text";
  const isKey = field.key === true || (field.key as Value) === "true" || type === "key";
  const base: FieldDraft = {
    id: field.id,
    name: field.name ?? field.id,
    type,
    multiple: field.multiple === true,
    options: type === "select" ? optionLines(field.options) : "",
    decimals: isObj(field.options) && typeof field.options["decimals"] === "number" ? field.options["decimals"] : 0,
    tableId: linkTarget(field)?.id ?? null,
    locked: null,
  };
  if (isKey || !EDITABLE.has(type)) {
    // Sent back as read, but with a lookup's target in the shape writes use.
    const { table, ...rest } = field as Obj;
    const locked: Obj = { ...rest };
    if (isObj(table) && typeof table["id"] === "number") locked["table_id"] = table["id"];
    return { ...base, locked };
  }
  return base;
}

export function newDraft(): FieldDraft {
  return { id: null, name: "", type: "text", multiple: false, options: "", decimals: 0, tableId: null, locked: null };
}

/** The definition to send for one draft. */
export function definitionOf(d: FieldDraft): Obj {
  if (d.locked) return { ...d.locked, name: d.name.trim() };
  const def: Obj = { name: d.name.trim(), type: d.type };
  if (d.id !== null) def["id"] = d.id;
  if (d.type === "select") {
    def["options"] = d.options
      .split("\n")
      .map((o) => o.trim())
      .filter((o) => o !== "");
  }
  if (d.type === "select" || d.type === "user" || d.type === "lookup") def["multiple"] = d.multiple;
  if (d.type === "number") def["decimals"] = d.decimals;
  if (d.type === "lookup") def["table_id"] = d.tableId;
  return def;
}

/** What is wrong with a design, in words, or null when it can be saved. */
export function problemWith(name: string, drafts: FieldDraft[]): string | null {
  if (name.trim() === "") return "Give the table a name.";
  if (drafts.length === 0) return "Add at least one field.";
  const seen = new Set<string>();
  for (const [i, d] of drafts.entries()) {
    const label = d.name.trim();
    if (label === "") return `Field ${i + 1} needs a name.`;
    const lower = label.toLowerCase();
    if (seen.has(lower)) return `Two fields are called “${label}”.`;
    seen.add(lower);
    if (!d.locked && d.type === "select" && d.options.trim() === "") return `“${label}” needs at least one choice.`;
    if (!d.locked && d.type === "lookup" && d.tableId === null) return `Choose the table “${label}” links to.`;
  }
  return null;
}

/** A new table starts with the key field every table needs and a first text field. */
export function starterFields(): FieldDraft[] {
  return [
    { ...newDraft(), name: "ID", type: "key", locked: { name: "ID", type: "key" } },
    { ...newDraft(), name: "Name" },
  ];
}
