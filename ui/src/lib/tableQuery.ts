/** The query a table page runs, from what the user chose: one definition for the page and for
 *  the offline copy asked for ahead of it (stores/tableCopy). */
import type { FilterSpec, QuerySpec } from "../api/bindings";
import { PAGE_SIZE } from "./paging";

export type QueryChoice = { search: string; filters: FilterSpec[]; orderBy: string | null; descending: boolean; viewId: number | null };

export const defaultChoice = (): QueryChoice => ({ search: "", filters: [], orderBy: null, descending: false, viewId: null });

/** A saved view brings its own filters and sort (§9.3): the user's apply to the default only. */
export function tableQuery(c: QueryChoice): QuerySpec {
  return {
    search: c.search.trim() || null,
    filters: c.viewId === null ? c.filters : [],
    order_by: c.viewId === null ? c.orderBy : null,
    descending: c.viewId === null ? c.descending : false,
    view_id: c.viewId && c.viewId > 0 ? c.viewId : null,
    fields: null,
    limit: PAGE_SIZE,
    offset: 0,
  };
}
