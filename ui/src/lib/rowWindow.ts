/** Which rows of a list of equal-height rows a scrolled view shows. With one row height this is
 *  arithmetic: a virtualizer that measures each row (@tanstack/virtual-core, used before) first
 *  builds an entry for every row, 100,000 of them, which was most of a grid's first render. */

/** A row in view: its index and its top in the scrolled content, under the header. */
export type RowSlot = { index: number; start: number };

export type RowGeometry = { rowHeight: number; header: number; overscan: number };

/** The data grid's rows and header. Rows drawn past the edges of the view: enough for a wheel
 *  step or an arrow key to land on drawn rows; more only adds work to every frame of a scroll. */
export const GRID: RowGeometry = { rowHeight: 34, header: 36, overscan: 4 };

/** The first row a grid scrolled to `scrollTop` shows. */
export const firstRowAt = (scrollTop: number, g: RowGeometry = GRID) =>
  Number.isFinite(scrollTop) && scrollTop > 0 ? Math.floor(scrollTop / g.rowHeight) : 0;

/** The rows a view `viewHeight` tall, scrolled to `scrollTop`, shows (and `overscan` more on each
 *  side) of `total` rows. A value that is not a number counts as 0. */
export function rowWindow(scrollTop: number, viewHeight: number, total: number, g: RowGeometry): RowSlot[] {
  const top = Number.isFinite(scrollTop) ? Math.max(0, scrollTop) : 0;
  const height = Number.isFinite(viewHeight) ? Math.max(0, viewHeight) : 0;
  if (!(total > 0) || !(g.rowHeight > 0)) return [];
  // The header is sticky over the top of the view; counting the view whole only adds a row.
  const first = Math.max(0, Math.floor(top / g.rowHeight) - g.overscan);
  const last = Math.min(total - 1, Math.floor((top + height) / g.rowHeight) + g.overscan);
  const out: RowSlot[] = [];
  for (let i = first; i <= last; i++) out.push({ index: i, start: g.header + i * g.rowHeight });
  return out;
}
