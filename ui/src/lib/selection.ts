/** Which rows of a query are selected. Either some ids, or every matching row except some:
 *  Ctrl/Cmd+A selects a 100,000-row query without fetching its ids first. */

export type Selection = { all: boolean; ids: ReadonlySet<number> };

export const noSelection = (): Selection => ({ all: false, ids: new Set() });
export const everything = (): Selection => ({ all: true, ids: new Set() });

export const isSelected = (s: Selection, id: number) => s.all !== s.ids.has(id);

export function selectedCount(s: Selection, total: number): number {
  return s.all ? Math.max(0, total - s.ids.size) : s.ids.size;
}

export function toggle(s: Selection, id: number): Selection {
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: s.all, ids };
}

/** Selects (or, with `on` false, unselects) these rows, keeping the rest as they are. */
export function setRows(s: Selection, rows: number[], on: boolean): Selection {
  const ids = new Set(s.ids);
  // In "all" mode the set holds exceptions, so selecting removes from it.
  const add = on !== s.all;
  for (const id of rows) {
    if (add) ids.add(id);
    else ids.delete(id);
  }
  return { all: s.all, ids };
}

/** The selected ids among `ids` (the query's rows in order), for deleting or navigating. */
export function selectedAmong(s: Selection, ids: number[]): number[] {
  return ids.filter((id) => isSelected(s, id));
}

/** Index range from an anchor to a row, inclusive, whichever comes first. */
export function range(anchor: number, to: number): [number, number] {
  return anchor <= to ? [anchor, to] : [to, anchor];
}
