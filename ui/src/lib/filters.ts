/** Record filters as the table page offers them: which operators suit which field type, how a
 *  typed value is sent, and how a filter reads back as a sentence. */
import type { Field, FilterSpec, Operator, Value } from "../api/bindings";

export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: "is",
  ne: "is not",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  contains: "contains",
  starts_with: "starts with",
  ends_with: "ends with",
  is_empty: "is empty",
  is_not_empty: "is not empty",
};

const ORDERED: Operator[] = ["gt", "gte", "lt", "lte"];
const TEXT: Operator[] = ["contains", "starts_with", "ends_with"];
const EMPTY: Operator[] = ["is_empty", "is_not_empty"];

/** The operators that make sense for a field. */
export function operatorsFor(field: Field): Operator[] {
  switch (field.type) {
    case "number":
    case "key":
    case "date":
    case "datetime":
    case "time":
      return ["eq", "ne", ...ORDERED, ...EMPTY];
    case "select":
    case "user":
    case "lookup":
      return ["eq", "ne", ...EMPTY];
    case "file":
      return EMPTY;
    default:
      return ["contains", "eq", "ne", ...TEXT.slice(1), ...EMPTY];
  }
}

export const needsValue = (op: Operator) => !EMPTY.includes(op);

/** The filter to send, or a sentence saying what is wrong with the typed value. */
export function buildFilter(field: Field, op: Operator, typed: string): FilterSpec | string {
  if (!needsValue(op)) return { field: field.id, op, value: null };
  const text = typed.trim();
  if (text === "") return `Enter a value for ${field.name ?? field.id}.`;
  let value: Value = text;
  if (field.type === "number" || field.type === "key") {
    const n = Number(text.replace(",", "."));
    if (!Number.isFinite(n)) return `${field.name ?? field.id}: enter a number.`;
    value = n;
  }
  return { field: field.id, op, value };
}

/** "Priority is Urgent", for the chip that shows an active filter. */
export function describeFilter(spec: FilterSpec, fields: Field[]): string {
  const field = fields.find((f) => f.id === spec.field);
  const name = field?.name ?? spec.field;
  const op = OPERATOR_LABELS[spec.op];
  return needsValue(spec.op) ? `${name} ${op} ${String(spec.value)}` : `${name} ${op}`;
}
