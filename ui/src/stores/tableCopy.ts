/** The offline copy of a table's first rows, asked for as soon as the table is chosen: the app
 *  keeps the page it leaves on screen until the copy is here (or a moment has passed), so the
 *  new page's first frame already has its rows. A grid left further down also gets the copy's
 *  rows at that place, a screenful, read at the same time. */
import * as cacheApi from "../api/cache";
import type { Cached, PageRow, QuerySpec, TablePage } from "../api/bindings";
import { PAGE_SIZE, pageOf } from "../lib/paging";
import { GRID } from "../lib/rowWindow";

/** Rows read for the first paint: a tall screen's worth. The rest of the copy's first page
 *  follows, off the path to the first painted rows. */
export const FIRST_PAINT_ROWS = 100;
/** Rows a screen shows at most, for a grid left further down. */
const SCREEN_ROWS = 60;
/** A copy asked for ahead is used only this soon after: later it may have been refreshed. */
const FRESH_MS = 2000;

type Copy = Promise<Cached<TablePage> | null>;
/** Some rows of a page of the copy: `rows` from position `start` in it. */
export type HeldRows = { start: number; rows: PageRow[] };
/** What was asked for ahead: one table's query (its first page), and rows further down. */
type Ahead = {
  key: string;
  at: number;
  copy: Copy | null;
  pages: Map<number, { start: number; rows: Promise<PageRow[] | null>; read: PageRow[] | null }>;
};
let ahead: Ahead | null = null;

const keyOf = (connectionId: string, tableId: number, query: QuerySpec) =>
  `${connectionId}:${tableId}:${JSON.stringify({ ...query, offset: 0, limit: PAGE_SIZE })}`;
const pageQuery = (query: QuerySpec, page: number): QuerySpec => ({ ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
/** The first rows of the copy's first page, or null when there is no copy or it cannot be read. */
const askFirstRows = (connectionId: string, tableId: number, query: QuerySpec): Copy =>
  cacheApi.cachedTablePage(connectionId, tableId, query, FIRST_PAINT_ROWS).catch(() => null);

/** What was asked for ahead of this table's query, while it is fresh. */
function kept(connectionId: string, tableId: number, query: QuerySpec): Ahead | null {
  return ahead && ahead.key === keyOf(connectionId, tableId, query) && Date.now() - ahead.at < FRESH_MS ? ahead : null;
}

/** Asks for the copy ahead of the page that will show it, and for the copy's rows at
 *  `firstRow` when the grid will open there (a screenful: its whole page is 0.3 MB to read and
 *  parse before the first paint). Resolves when all of it is read. */
export function copyAhead(connectionId: string, tableId: number, query: QuerySpec, firstRow = 0): Promise<unknown> {
  const copy = askFirstRows(connectionId, tableId, query);
  const next: Ahead = { key: keyOf(connectionId, tableId, query), at: Date.now(), copy, pages: new Map() };
  if (firstRow + SCREEN_ROWS > FIRST_PAINT_ROWS) {
    const from = Math.max(0, firstRow - GRID.overscan);
    const to = firstRow + SCREEN_ROWS;
    for (let p = pageOf(from); p <= pageOf(to - 1); p++) {
      // Rows that meet the first ones read for the first paint are read from the top, so the
      // page's rows held stay one run.
      const start = p === 0 && from <= FIRST_PAINT_ROWS ? 0 : Math.max(from, p * PAGE_SIZE) - p * PAGE_SIZE;
      const end = Math.min(to, (p + 1) * PAGE_SIZE) - p * PAGE_SIZE;
      const span = { start, count: end - start };
      const rows = cacheApi.cachedTableRows(connectionId, tableId, pageQuery(query, p), span).catch(() => null);
      const entry = { start, rows, read: null as PageRow[] | null };
      void rows.then((r) => (entry.read = r));
      next.pages.set(p, entry);
    }
  }
  ahead = next;
  return Promise.all([copy, ...[...next.pages.values()].map((e) => e.rows)]);
}

/** The copy asked for ahead of this page (once), or a fresh ask. */
export function firstRowsCopy(connectionId: string, tableId: number, query: QuerySpec): Copy {
  const mine = kept(connectionId, tableId, query);
  const copy = mine?.copy;
  if (!mine || !copy) return askFirstRows(connectionId, tableId, query);
  mine.copy = null;
  return copy;
}

/** The rows of the copy already read ahead for this query, by page number (taken once): a
 *  grid given them draws them in its first render. */
export function pagesReadAhead(connectionId: string, tableId: number, query: QuerySpec): Map<number, HeldRows> {
  const out = new Map<number, HeldRows>();
  const mine = kept(connectionId, tableId, query);
  for (const [p, entry] of mine?.pages ?? []) {
    if (entry.read) {
      out.set(p, { start: entry.start, rows: entry.read });
      mine?.pages.delete(p);
    }
  }
  return out;
}
