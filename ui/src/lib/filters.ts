/** Record filters as the table page builds them: which operators suit which field type, the
 *  values a field offers (options, people, date tokens), how a typed value is checked and sent,
 *  and how filters read back as sentences, a saved view's included. */
import type { Field, FilterSpec, Operator, Value, View } from "../api/bindings";
import { optionTitles } from "./recordForm";

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is",
  ne: "is not",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  is_empty: "is empty",
  is_not_empty: "is not empty",
};

/** Labels that read better for days than "more than". */
const DATE_LABELS: Partial<Record<Operator, string>> = { gt: "is after", gte: "is on or after", lt: "is before", lte: "is on or before" };

const ORDERED: Operator[] = ["gt", "gte", "lt", "lte"];
const EMPTY: Operator[] = ["is_empty", "is_not_empty"];

/** The operators that make sense for a field. */
export function operatorsFor(field: Field): Operator[] {
  switch (field.type) {
    case "number":
    case "key":
      return ["eq", "ne", ...ORDERED, ...EMPTY];
    case "date":
    case "datetime":
    case "time":
      return ["eq", "ne", ...ORDERED, ...EMPTY];
    case "select":
      return ["eq", "ne", "contains", "not_contains", ...EMPTY];
    case "user":
    case "lookup":
      return ["eq", "ne", ...EMPTY];
    case "file":
      return EMPTY;
    default:
      return ["contains", "not_contains", "eq", "ne", "starts_with", "ends_with", ...EMPTY];
  }
}

export function operatorLabel(field: Field | undefined, op: Operator): string {
  const dated = field?.type === "date" || field?.type === "datetime" || field?.type === "time";
  return (dated ? DATE_LABELS[op] : undefined) ?? OPERATOR_LABELS[op];
}

export const needsValue = (op: Operator) => !EMPTY.includes(op);

/** The date tokens the API resolves (§9.2), in the order a picker offers them. */
export const DATE_TOKENS: { token: string; label: string }[] = [
  { token: "today", label: "Today" },
  { token: "yesterday", label: "Yesterday" },
  { token: "-7d", label: "7 days ago" },
  { token: "+7d", label: "In 7 days" },
  { token: "-1m", label: "A month ago" },
  { token: "start_of_week", label: "Start of this week" },
  { token: "start_of_month", label: "Start of this month" },
  { token: "start_of_year", label: "Start of this year" },
  { token: "start_of_last_week", label: "Start of last week" },
  { token: "start_of_last_month", label: "Start of last month" },
  { token: "start_of_last_year", label: "Start of last year" },
];

const RELATIVE = /^[+-]\d{1,5}[dwmy]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDateToken(text: string): boolean {
  const t = text.trim().toLowerCase();
  return RELATIVE.test(t) || DATE_TOKENS.some((d) => d.token === t);
}

export type PersonChoice = { id: number; name: string };

/** The filter to send, or a sentence saying what is wrong with the typed value. */
export function buildFilter(field: Field, op: Operator, typed: string, or = false): FilterSpec | string {
  const name = field.name ?? field.id;
  if (!needsValue(op)) return { field: field.id, op, value: null, or };
  const text = typed.trim();
  if (text === "") return `Enter a value for ${name}.`;
  let value: Value = text;
  switch (field.type) {
    case "number":
    case "key": {
      const n = Number(text.replace(",", "."));
      if (!Number.isFinite(n)) return `${name}: enter a number.`;
      value = n;
      break;
    }
    case "date":
    case "datetime":
      if (!DATE.test(text) && !isDateToken(text)) return `${name}: pick a date, or a token such as today or -7d.`;
      value = text.toLowerCase();
      break;
    case "user":
      if (text === "@me") break;
      if (!/^\d+$/.test(text)) return `${name}: pick a person.`;
      value = Number(text);
      break;
    case "select": {
      const options = optionTitles(field);
      if ((op === "eq" || op === "ne") && options.length > 0 && !options.includes(text)) return `${name}: pick one of its options.`;
      break;
    }
  }
  return { field: field.id, op, value, or };
}

function valueText(spec: FilterSpec, field: Field | undefined, people: PersonChoice[]): string {
  if (field?.type === "user") {
    if (spec.value === "@me") return "me";
    const p = people.find((x) => x.id === spec.value);
    if (p) return p.name;
  }
  if (field?.type === "date" || field?.type === "datetime") {
    const t = DATE_TOKENS.find((d) => d.token === spec.value);
    if (t) return t.label.toLowerCase();
  }
  return String(spec.value);
}

/** "Priority is Urgent", for the chip that shows an active filter. */
export function describeFilter(spec: FilterSpec, fields: Field[], people: PersonChoice[] = []): string {
  const field = fields.find((f) => f.id === spec.field);
  const name = field?.name ?? spec.field;
  const op = operatorLabel(field, spec.op);
  return needsValue(spec.op) ? `${name} ${op} ${valueText(spec, field, people)}` : `${name} ${op}`;
}

/** The API's compare names (§9.2, aliases included) as this module's operators. */
const COMPARE: Record<string, Operator> = {
  "=": "eq", "==": "eq", eq: "eq", "!=": "ne", "<>": "ne", ne: "ne", neq: "ne",
  ">": "gt", gt: "gt", ">=": "gte", gte: "gte", ge: "gte", "<": "lt", lt: "lt", "<=": "lte", lte: "lte", le: "lte",
  contains: "contains", c: "contains", nc: "not_contains", not_contains: "not_contains",
  starts_with: "starts_with", sw: "starts_with", ends_with: "ends_with", ew: "ends_with",
  is_empty: "is_empty", empty: "is_empty", is_not_empty: "is_not_empty", nempty: "is_not_empty",
};

/** A saved view's filters and sort as sentences, to show (read-only) while the view is chosen. */
export function describeView(view: View, fields: Field[]): { filters: string[]; sort: string | null } {
  const raw = Array.isArray(view.filters) ? view.filters : [];
  const filters = raw.flatMap((f, i) => {
    if (!f || typeof f !== "object" || Array.isArray(f)) return [];
    const column = f["column"] ?? f["field"];
    if (typeof column !== "string") return [];
    const compare = typeof f["compare"] === "string" ? f["compare"].toLowerCase() : "=";
    const op = COMPARE[compare] ?? "eq";
    const joined = i > 0 ? (String(f["connector"] ?? "and").toLowerCase() === "or" ? "or " : "and ") : "";
    return [joined + describeFilter({ field: column, op, value: f["value"] ?? null }, fields)];
  });
  const by = view.order_by ? (fields.find((f) => f.id === view.order_by)?.name ?? view.order_by) : null;
  const desc = String(view.order_dir ?? "").toLowerCase().startsWith("d");
  return { filters, sort: by ? `sorted by ${by}, ${desc ? "descending" : "ascending"}` : null };
}
