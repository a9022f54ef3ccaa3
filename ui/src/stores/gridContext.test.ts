import { describe, expect, it, vi } from "vitest";
import type { PageRow } from "../api/bindings";
import { AppError } from "../api/call";
import { everything, noSelection, setRows, toggle } from "../lib/selection";
import { gridContext } from "./gridContext.svelte";
import { RowPages } from "./rowPages.svelte";

/** A query of `total` rows whose record ids are 1000 + index, served page by page. */
function table(total: number) {
  const fetch = vi.fn(async (offset: number, limit: number): Promise<PageRow[]> =>
    Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ id: 1000 + offset + i, values: [] })),
  );
  return { fetch, pages: new RowPages(fetch, total) };
}

describe("rows of a query, page by page", () => {
  it("fetches the pages in view and the next, once each, and lets far ones go", async () => {
    const { fetch, pages } = table(100_000);
    await pages.ensure(0, 40);
    expect(fetch.mock.calls).toEqual([[0, 1000], [1000, 1000]]);
    expect(pages.row(40)?.id).toBe(1040);
    await pages.ensure(10, 50);
    expect(fetch).toHaveBeenCalledTimes(2);
    for (let p = 10; p < 40; p += 2) await pages.ensure(p * 1000, p * 1000 + 40);
    expect(pages.row(5)).toBeUndefined();
    expect(pages.row(38_010)?.id).toBe(39_010);
    expect(await pages.rowAt(5)).toEqual({ id: 1005, values: [] });
  });

  it("shows the first rows it was given at once and fetches their whole page when asked", async () => {
    const { fetch } = table(5000);
    const head = Array.from({ length: 100 }, (_, i) => ({ id: 1000 + i, values: [] }));
    const pages = new RowPages(fetch, 5000, head, false);
    expect(pages.row(99)?.id).toBe(1099);
    expect(pages.row(100)).toBeUndefined();
    await pages.ensure(0, 30);
    expect(fetch.mock.calls).toEqual([[0, 1000], [1000, 1000]]);
    expect(pages.row(500)?.id).toBe(1500);
  });

  it("shows some rows held far down at once, then their whole page, and takes the server's over them", async () => {
    const { fetch } = table(5000);
    const pages = new RowPages(fetch, 5000, [], false);
    const some = Array.from({ length: 60 }, (_, i) => ({ id: 1000 + 2100 + i, values: [] }));
    pages.hold(2, some, 100);
    expect(pages.row(2100)?.id).toBe(3100);
    expect(pages.row(2159)?.id).toBe(3159);
    expect(pages.row(2099)).toBeUndefined();
    expect(pages.row(2160)).toBeUndefined();
    await pages.ensure(2100, 2130);
    expect(fetch.mock.calls).toEqual([[2000, 1000], [3000, 1000]]);
    expect(pages.row(2500)?.id).toBe(3500);
    // Held again while a page is here: the page stays.
    pages.hold(2, [], 0);
    expect(pages.row(2100)?.id).toBe(3100);
    // A new source fetches a page only held in part, keeping those rows until it comes.
    const held = new RowPages(fetch, 5000, [], false);
    held.hold(3, some, 5);
    const live = vi.fn(async (offset: number): Promise<PageRow[]> => Array.from({ length: 1000 }, (_, i) => ({ id: offset + i, values: [] })));
    held.adopt(live, 5000, []);
    expect(held.row(3005)?.id).toBe(3100);
    await vi.waitFor(() => expect(held.row(3005)?.id).toBe(3005));
    expect(live.mock.calls).toEqual([[3000, 1000]]);
  });

  it("takes the server's rows over the copy's in place, keeping each page until its new rows come", async () => {
    const copy = vi.fn(async (offset: number): Promise<PageRow[]> => Array.from({ length: 1000 }, (_, i) => ({ id: offset + i, values: [] })));
    const pages = new RowPages(copy, 3000, [{ id: 0, values: [] }], false);
    await pages.ensure(0, 1500);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const live = vi.fn(async (offset: number): Promise<PageRow[]> => {
      await gate;
      return Array.from({ length: 1000 }, (_, i) => ({ id: 10_000 + offset + i, values: [] }));
    });
    pages.adopt(live, 2500, Array.from({ length: 1000 }, (_, i) => ({ id: 10_000 + i, values: [] })));
    expect(pages.total).toBe(2500);
    expect(pages.row(5)?.id).toBe(10_005);
    // The copy's second page stays on screen while the server's is on its way.
    expect(pages.row(1500)?.id).toBe(1500);
    expect(live.mock.calls).toEqual([[1000, 1000], [2000, 1000]]);
    release();
    await vi.waitFor(() => expect(pages.row(1500)?.id).toBe(11_500));
  });

  it("fetches from the new source the pages still on their way from the old one", async () => {
    const never = vi.fn(() => new Promise<PageRow[]>(() => {}));
    const pages = new RowPages(never, 5000, [{ id: 0, values: [] }], false);
    void pages.ensure(2100, 2130);
    const live = vi.fn(async (offset: number): Promise<PageRow[]> => Array.from({ length: 1000 }, (_, i) => ({ id: offset + i, values: [] })));
    pages.adopt(live, 5000, Array.from({ length: 1000 }, (_, i) => ({ id: i, values: [] })));
    await vi.waitFor(() => expect(pages.row(2105)?.id).toBe(2105));
    expect(live.mock.calls.map(([o]) => o).sort()).toEqual([2000, 3000]);
  });

  it("waits out a rate limit and goes on", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const pages = new RowPages(async (offset) => {
      calls += 1;
      if (calls === 1) throw new AppError({ code: "rate_limited", message: "slow down", retry_after_secs: 2 });
      return [{ id: offset + 1, values: [] }];
    }, 1);
    const done = pages.ensure(0, 0);
    await vi.advanceTimersByTimeAsync(10);
    expect(pages.waiting).toEqual({ secs: 2, reason: "rate_limited" });
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(pages.row(0)?.id).toBe(1);
    expect(pages.waiting).toBeNull();
    vi.useRealTimers();
  });
});

describe("previous and next record from the grid", () => {
  const at = (pages: RowPages, selection = noSelection()) => {
    gridContext.current = { connectionId: "c", tableId: 3, pages, selection };
  };

  it("walks the query, fetching the page past the loaded ones", async () => {
    const { pages } = table(2500);
    await pages.ensure(990, 999);
    at(pages);
    expect(await gridContext.neighbour("c", 3, 1999, 1)).toBe(2000);
    expect(await gridContext.neighbour("c", 3, 1000, -1)).toBeNull();
    expect(await gridContext.neighbour("c", 4, 1500, 1)).toBeNull();
    expect(await gridContext.neighbour("other", 3, 1500, 1)).toBeNull();
  });

  it("walks only the selected rows when some are picked", async () => {
    const { pages } = table(50);
    await pages.ensure(0, 49);
    at(pages, setRows(noSelection(), [1030, 1002, 1011], true));
    expect(await gridContext.neighbour("c", 3, 1002, 1)).toBe(1011);
    expect(await gridContext.neighbour("c", 3, 1011, 1)).toBe(1030);
    expect(await gridContext.neighbour("c", 3, 1030, 1)).toBeNull();
    at(pages, toggle(everything(), 1003));
    expect(await gridContext.neighbour("c", 3, 1002, 1)).toBe(1004);
  });
});
