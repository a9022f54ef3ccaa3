/** The grid the user came from, for the record page's previous/next (Alt+←/→, J/K) without a
 *  trip back, and where each grid was left (scroll, cursor, selection) so that returning from a
 *  record or refreshing puts the user back where they were. */
import type { QueryChoice } from "../lib/tableQuery";
import { isSelected, type Selection } from "../lib/selection";
import type { RowPages } from "./rowPages.svelte";

export type GridPlace = { scrollTop: number; scrollLeft: number; row: number; col: number; selection: Selection; query: string };

type Current = { connectionId: string; tableId: number; pages: RowPages; selection: Selection };

/** How far previous/next looks for the next selected row before giving up. */
const MAX_STEPS = 5000;

class GridContext {
  current = $state<Current | null>(null);
  private places = new Map<string, GridPlace>();
  private queries = new Map<string, QueryChoice>();

  key = (connectionId: string, tableId: number) => `${connectionId}:${tableId}`;

  remember(key: string, place: GridPlace) {
    this.places.set(key, place);
  }

  rememberQuery(key: string, q: QueryChoice) {
    this.queries.set(key, q);
  }

  recallQuery(key: string): QueryChoice | null {
    return this.queries.get(key) ?? null;
  }

  recall(key: string, query: string): GridPlace | null {
    const p = this.places.get(key);
    return p && p.query === query ? p : null;
  }

  /** The record `delta` rows from `recordId` in the grid's query, among the selected rows when
   *  some are selected; null at either end or when the record is not from that grid. */
  async neighbour(connectionId: string, tableId: number, recordId: number, delta: 1 | -1): Promise<number | null> {
    const c = this.current;
    if (!c || c.connectionId !== connectionId || c.tableId !== tableId) return null;
    if (!c.selection.all && c.selection.ids.size > 0) {
      // Some rows picked by hand: walk them in grid order where known.
      const order = [...c.selection.ids].sort((a, b) => rank(c.pages, a) - rank(c.pages, b));
      const at = order.indexOf(recordId);
      if (at < 0) return order[delta > 0 ? 0 : order.length - 1] ?? null;
      return order[at + delta] ?? null;
    }
    // Every row of the query, or (after Ctrl/Cmd+A) every row but the ones unticked since.
    const picked = (id: number) => !c.selection.all || isSelected(c.selection, id);
    const start = c.pages.indexOf(recordId);
    if (start < 0) return null;
    for (let i = start + delta, steps = 0; i >= 0 && i < c.pages.total && steps < MAX_STEPS; i += delta, steps++) {
      const row = await c.pages.rowAt(i);
      if (row?.id != null && picked(row.id)) return row.id;
    }
    return null;
  }
}

function rank(pages: RowPages, id: number): number {
  const i = pages.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

export const gridContext = new GridContext();
