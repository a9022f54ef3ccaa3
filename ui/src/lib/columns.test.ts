import { describe, expect, it } from "vitest";
import type { Field } from "../api/bindings";
import { emptyLayout, moveColumn, moveColumnTo, orderedFields, resizeColumn, setHidden, visibleColumns } from "./columns";

const fields: Field[] = [
  { id: "item_id", name: "ID", type: "key", key: true },
  { id: "title", name: "Title", type: "text" },
  { id: "amount", name: "Amount", type: "number" },
  { id: "stage", name: "Stage", type: "select" },
];
const ids = (cols: { field: Field }[]) => cols.map((c) => c.field.id);

describe("column state", () => {
  it("shows every field in schema order by default, with widths by type", () => {
    const cols = visibleColumns(fields, emptyLayout());
    expect(ids(cols)).toEqual(["item_id", "title", "amount", "stage"]);
    expect(cols.map((c) => c.width)).toEqual([80, 220, 120, 160]);
    expect(cols.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  });

  it("reorders, keeping each column's index into the row's values", () => {
    let layout = moveColumn(fields, emptyLayout(), "stage", -2);
    expect(ids(visibleColumns(fields, layout))).toEqual(["item_id", "stage", "title", "amount"]);
    layout = moveColumnTo(fields, layout, "amount", "item_id");
    const cols = visibleColumns(fields, layout);
    expect(ids(cols)).toEqual(["amount", "item_id", "stage", "title"]);
    expect(cols[0]?.index).toBe(2);
    expect(ids(visibleColumns(fields, moveColumn(fields, layout, "title", 99)))).toEqual(["amount", "item_id", "stage", "title"]);
  });

  it("hides and shows, never hiding the last column", () => {
    let layout = setHidden(fields, emptyLayout(), "title", true);
    expect(ids(visibleColumns(fields, layout))).toEqual(["item_id", "amount", "stage"]);
    expect(orderedFields(fields, layout).find((c) => c.field.id === "title")?.hidden).toBe(true);
    for (const f of ["item_id", "amount", "stage"]) layout = setHidden(fields, layout, f, true);
    expect(ids(visibleColumns(fields, layout))).toEqual(["stage"]);
    layout = setHidden(fields, layout, "title", false);
    expect(ids(visibleColumns(fields, layout))).toEqual(["title", "stage"]);
  });

  it("clamps widths, and copes with fields added or removed since the layout was saved", () => {
    const layout = resizeColumn({ ...emptyLayout(), order: ["gone", "amount"], hidden: ["gone"] }, "amount", 5);
    const cols = visibleColumns(fields, layout);
    expect(ids(cols)).toEqual(["amount", "item_id", "title", "stage"]);
    expect(cols[0]?.width).toBe(48);
    expect(visibleColumns(fields, resizeColumn(layout, "title", 1e9))[2]?.width).toBe(1200);
  });
});
