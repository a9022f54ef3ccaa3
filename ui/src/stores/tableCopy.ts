/** The offline copy of a table's first rows, asked for as soon as the table is chosen: the app
 *  keeps the page it leaves on screen until the copy is here (or a moment has passed), so the
 *  new page's first frame already has its rows. */
import * as cacheApi from "../api/cache";
import type { Cached, QuerySpec, TablePage } from "../api/bindings";

/** Rows read for the first paint: a tall screen's worth. The rest of the copy's first page
 *  follows, off the path to the first painted rows. */
export const FIRST_PAINT_ROWS = 100;
/** A copy asked for ahead is used only this soon after: later it may have been refreshed. */
const FRESH_MS = 2000;

type Copy = Promise<Cached<TablePage> | null>;
let ahead: { key: string; at: number; copy: Copy } | null = null;

const keyOf = (connectionId: string, tableId: number, query: QuerySpec) => `${connectionId}:${tableId}:${JSON.stringify(query)}`;
const ask = (connectionId: string, tableId: number, query: QuerySpec): Copy =>
  cacheApi.cachedTablePage(connectionId, tableId, query, FIRST_PAINT_ROWS).catch(() => null);

/** Asks for the copy ahead of the page that will show it. */
export function copyAhead(connectionId: string, tableId: number, query: QuerySpec): Copy {
  const copy = ask(connectionId, tableId, query);
  ahead = { key: keyOf(connectionId, tableId, query), at: Date.now(), copy };
  return copy;
}

/** The copy asked for ahead of this page (once), or a fresh ask. */
export function firstRowsCopy(connectionId: string, tableId: number, query: QuerySpec): Copy {
  const kept = ahead;
  ahead = null;
  if (kept && kept.key === keyOf(connectionId, tableId, query) && Date.now() - kept.at < FRESH_MS) return kept.copy;
  return ask(connectionId, tableId, query);
}
