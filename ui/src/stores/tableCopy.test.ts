import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PageRow, QuerySpec } from "../api/bindings";

// The cache commands, answered here: this tests which reads are made and which answers are
// handed on, not the cache (src-tauri/tests/commands.rs does that against a real one).
const cache = vi.hoisted(() => ({
  cachedTablePage: vi.fn(),
  cachedTableRows: vi.fn(),
}));
vi.mock("../api/cache", () => cache);

const { copyAhead, firstRowsCopy, pagesReadAhead, FIRST_PAINT_ROWS } = await import("./tableCopy");

const query: QuerySpec = { search: null, filters: [], order_by: null, descending: false, view_id: null, fields: null, limit: 1000, offset: 0 };
const rows = (offset: number): PageRow[] => Array.from({ length: 1000 }, (_, i) => ({ id: offset + i, values: [] }));

beforeEach(() => {
  cache.cachedTablePage.mockReset().mockResolvedValue({ value: { table_name: "T", fields: [], rows: rows(0).slice(0, 100), total: 5000 }, fetched_at: 1 });
  cache.cachedTableRows
    .mockReset()
    .mockImplementation(async (_c: string, _t: number, q: QuerySpec, span: { start: number; count: number } | null) =>
      span ? rows(q.offset ?? 0).slice(span.start, span.start + span.count) : rows(q.offset ?? 0),
    );
});

describe("the offline copy read ahead of a table's page", () => {
  it("hands the page the first rows read ahead, once, and asks again after", async () => {
    await copyAhead("c", 7, query);
    expect(cache.cachedTablePage).toHaveBeenCalledWith("c", 7, query, FIRST_PAINT_ROWS);
    expect((await firstRowsCopy("c", 7, query))?.value.rows).toHaveLength(100);
    expect(cache.cachedTablePage).toHaveBeenCalledTimes(1);
    await firstRowsCopy("c", 7, query);
    expect(cache.cachedTablePage).toHaveBeenCalledTimes(2);
  });

  it("does not hand one query's copy to another", async () => {
    await copyAhead("c", 7, query);
    await firstRowsCopy("c", 7, { ...query, search: "lamp" });
    await firstRowsCopy("c", 8, query);
    expect(cache.cachedTablePage).toHaveBeenCalledTimes(3);
  });

  it("reads a screenful where the grid was left with the first rows, and hands it on once", async () => {
    await copyAhead("c", 7, query, 2100);
    // From a few rows above the first in view, on the page that holds them.
    expect(cache.cachedTableRows.mock.calls.map(([, , q, span]) => [q.offset, span])).toEqual([[2000, { start: 96, count: 64 }]]);
    const held = pagesReadAhead("c", 7, query);
    expect([...held.keys()]).toEqual([2]);
    expect(held.get(2)?.start).toBe(96);
    expect(held.get(2)?.rows[4]?.id).toBe(2100);
    expect(pagesReadAhead("c", 7, query).size).toBe(0);
  });

  it("reads across a page's end, and from the top what meets the first rows", async () => {
    await copyAhead("c", 7, query, 980);
    expect(cache.cachedTableRows.mock.calls.map(([, , q, span]) => [q.offset, span])).toEqual([
      [0, { start: 976, count: 24 }],
      [1000, { start: 0, count: 40 }],
    ]);
    cache.cachedTableRows.mockClear();
    await copyAhead("c", 7, query, 50);
    expect(cache.cachedTableRows.mock.calls.map(([, , q, span]) => [q.offset, span])).toEqual([[0, { start: 0, count: 110 }]]);
  });

  it("reads no further pages for a grid at the top", async () => {
    await copyAhead("c", 7, query, 10);
    expect(cache.cachedTableRows).not.toHaveBeenCalled();
  });
});
