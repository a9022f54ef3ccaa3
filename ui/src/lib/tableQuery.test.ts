import { describe, expect, it } from "vitest";
import { defaultChoice, tableQuery } from "./tableQuery";

describe("a table's query", () => {
  it("takes the user's search, filters and sort on the default view", () => {
    const filters = [{ field: "status", op: "eq", value: "New", or: false }] as never;
    const q = tableQuery({ search: "  lamp ", filters, orderBy: "title", descending: true, viewId: null });
    expect(q).toMatchObject({ search: "lamp", filters, order_by: "title", descending: true, view_id: null, offset: 0 });
  });

  it("lets a saved view bring its own filters and sort", () => {
    const filters = [{ field: "status", op: "eq", value: "New", or: false }] as never;
    const q = tableQuery({ search: "", filters, orderBy: "title", descending: true, viewId: 4 });
    expect(q).toMatchObject({ search: null, filters: [], order_by: null, descending: false, view_id: 4 });
  });

  it("is the same text for the same choice, so a copy asked for ahead is found", () => {
    expect(JSON.stringify(tableQuery(defaultChoice()))).toBe(JSON.stringify(tableQuery({ ...defaultChoice() })));
  });
});
