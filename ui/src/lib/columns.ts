/** A table grid's columns from its schema and its saved layout: order, hidden, widths and the
 *  frozen first column. Pure, so the rules are unit-tested; the layout is stored per table and
 *  connection by the shell (`table_layout`). */
import type { Field, TableLayout } from "../api/bindings";

export type Column = { field: Field; index: number; width: number };

export const MIN_WIDTH = 48;
export const MAX_WIDTH = 1200;

export const emptyLayout = (): TableLayout => ({ order: [], hidden: [], widths: {}, freeze_first: true });

/** A width that suits the type until the user resizes the column. */
export function defaultWidth(field: Field): number {
  if (field.key) return 80;
  switch (field.type) {
    case "number":
    case "calc":
      return 120;
    case "date":
    case "time":
      return 130;
    case "datetime":
      return 180;
    case "select":
    case "user":
      return 160;
    case "file":
      return 130;
    case "textarea":
      return 280;
    default:
      return 220;
  }
}

const clampWidth = (w: number) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(w)));

/** Every field in layout order, with whether it is hidden: what the column chooser lists. */
export function orderedFields(fields: Field[], layout: TableLayout): { field: Field; index: number; hidden: boolean }[] {
  const order = layout.order ?? [];
  const rank = new Map(order.map((id, i) => [id, i]));
  const hidden = new Set(layout.hidden ?? []);
  return fields
    .map((field, index) => ({ field, index, hidden: hidden.has(field.id) }))
    .sort((a, b) => (rank.get(a.field.id) ?? order.length + a.index) - (rank.get(b.field.id) ?? order.length + b.index));
}

/** The columns shown, in order. Never none: if every field were hidden, the first one shows. */
export function visibleColumns(fields: Field[], layout: TableLayout): Column[] {
  const all = orderedFields(fields, layout);
  const shown = all.filter((c) => !c.hidden);
  const widths = layout.widths ?? {};
  return (shown.length > 0 ? shown : all.slice(0, 1)).map(({ field, index }) => ({
    field,
    index,
    width: clampWidth(widths[field.id] ?? defaultWidth(field)),
  }));
}

/** The full order, written out, so a move is stable whatever was saved before. */
function fullOrder(fields: Field[], layout: TableLayout): string[] {
  return orderedFields(fields, layout).map((c) => c.field.id);
}

/** Moves a column by `delta` places among all fields (hidden ones too). */
export function moveColumn(fields: Field[], layout: TableLayout, fieldId: string, delta: number): TableLayout {
  const order = fullOrder(fields, layout);
  const from = order.indexOf(fieldId);
  if (from < 0) return layout;
  const to = Math.min(order.length - 1, Math.max(0, from + delta));
  order.splice(to, 0, ...order.splice(from, 1));
  return { ...layout, order };
}

/** Moves a column to where another one is (drag and drop of headers). */
export function moveColumnTo(fields: Field[], layout: TableLayout, fieldId: string, targetId: string): TableLayout {
  const order = fullOrder(fields, layout);
  const to = order.indexOf(targetId);
  const from = order.indexOf(fieldId);
  if (from < 0 || to < 0) return layout;
  return moveColumn(fields, layout, fieldId, to - from);
}

/** Hides or shows a column; the last shown column cannot be hidden. */
export function setHidden(fields: Field[], layout: TableLayout, fieldId: string, hide: boolean): TableLayout {
  const hidden = new Set(layout.hidden ?? []);
  if (hide) {
    const shown = fields.filter((f) => !hidden.has(f.id) && f.id !== fieldId);
    if (shown.length === 0) return layout;
    hidden.add(fieldId);
  } else hidden.delete(fieldId);
  return { ...layout, hidden: [...hidden] };
}

export function resizeColumn(layout: TableLayout, fieldId: string, width: number): TableLayout {
  return { ...layout, widths: { ...(layout.widths ?? {}), [fieldId]: clampWidth(width) } };
}
