/** Which 1,000-row pages of a query a grid needs for the rows in view, and which it can let go. */

export const PAGE_SIZE = 1000;
/** Pages kept in memory: enough to scroll back and forth without refetching, bounded for a
 *  100,000-row table. */
export const MAX_PAGES = 12;

export const pageOf = (index: number) => Math.floor(index / PAGE_SIZE);

/** The pages covering rows `first..last`, then the next one, which is fetched ahead. */
export function pagesFor(first: number, last: number, total: number): number[] {
  if (total <= 0 || last < first) return [];
  const lastPage = pageOf(total - 1);
  const from = pageOf(Math.max(0, first));
  const to = Math.min(lastPage, pageOf(Math.min(last, total - 1)) + 1);
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/** The loaded pages to drop, farthest from the ones in use first, to stay within `max`. */
export function pagesToDrop(loaded: number[], inUse: number[], max = MAX_PAGES): number[] {
  if (loaded.length <= max || inUse.length === 0) return [];
  const centre = (Math.min(...inUse) + Math.max(...inUse)) / 2;
  return loaded
    .filter((p) => !inUse.includes(p))
    .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    .slice(0, loaded.length - max);
}
